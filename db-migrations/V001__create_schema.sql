-- Core model: actors, articles, agreements, events, their provenance and a change log.
-- Every date object is stored as value/precision/start/end/approximate (API.md "Dates").

create table actors (
    id            uuid primary key,
    kind          varchar(16)  not null check (kind in ('person', 'country', 'organization', 'group', 'other')),
    slug          varchar(200) not null,
    name          varchar(300) not null,
    description   text,
    iso_code      varchar(3),
    wikidata_id   varchar(32),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint actors_slug_key unique (slug)
);
create index actors_updated_idx on actors (updated_at, id);
create index actors_name_lower_idx on actors (lower(name));

create table actor_aliases (
    actor_id   uuid         not null references actors (id) on delete cascade,
    normalized varchar(300) not null,
    alias      varchar(300) not null,
    primary key (actor_id, normalized)
);
-- alias lookup during extraction and search: normalized form -> actors
create index actor_aliases_normalized_idx on actor_aliases (normalized);

create table actor_affiliations (
    id            uuid primary key,
    actor_id      uuid not null references actors (id) on delete cascade,
    affiliated_to uuid not null references actors (id) on delete cascade,
    role          varchar(200),
    valid_from    date,
    valid_to      date,
    created_at    timestamptz not null,
    check (valid_to is null or valid_from is null or valid_to >= valid_from),
    check (actor_id <> affiliated_to)
);
create index actor_affiliations_actor_idx on actor_affiliations (actor_id);
-- roll-up: who acts for this country/body
create index actor_affiliations_to_idx on actor_affiliations (affiliated_to);

create table articles (
    id                 uuid primary key,
    url                varchar(2048),
    title              varchar(1000),
    source             varchar(300),
    published_at_text  varchar(40),
    published_on       date,
    published_at       timestamptz,
    body               text         not null,
    content_hash       varchar(64)  not null,
    status             varchar(16)  not null check (status in ('received', 'processed', 'failed')),
    extractor_version  varchar(32),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    constraint articles_content_hash_key unique (content_hash)
);
create unique index articles_url_key on articles (url) where url is not null;

create table agreements (
    id                   uuid primary key,
    kind                 varchar(32)  not null check (kind in ('treaty', 'accord', 'deal', 'memorandum', 'ceasefire', 'framework', 'declaration', 'other')),
    name                 varchar(500) not null,
    aliases              text[]       not null default '{}',
    status               varchar(16)  not null check (status in ('proposed', 'negotiating', 'signed', 'in_force', 'suspended', 'terminated', 'expired', 'unknown')),
    clauses              text[]       not null default '{}',
    summary              text,
    signed_value         varchar(40),
    signed_precision     varchar(16),
    signed_start         date,
    signed_end           date,
    signed_approximate   boolean,
    effective_value      varchar(40),
    effective_precision  varchar(16),
    effective_start      date,
    effective_end        date,
    effective_approximate boolean,
    expiry_value         varchar(40),
    expiry_precision     varchar(16),
    expiry_start         date,
    expiry_end           date,
    expiry_approximate   boolean,
    created_at           timestamptz  not null,
    updated_at           timestamptz  not null,
    version              bigint       not null default 0
);
create index agreements_updated_idx on agreements (updated_at, id);
create index agreements_name_lower_idx on agreements (lower(name));

create table agreement_parties (
    agreement_id uuid        not null references agreements (id) on delete cascade,
    actor_id     uuid        not null references actors (id) on delete cascade,
    role         varchar(64) not null default 'party',
    primary key (agreement_id, actor_id)
);
create index agreement_parties_actor_idx on agreement_parties (actor_id);

create table events (
    id               uuid primary key,
    type             varchar(32)  not null check (type in ('meeting', 'visit', 'statement', 'agreement_signed', 'agreement_other',
                         'negotiation', 'accusation', 'threat', 'military_action', 'attack', 'sanction', 'aid', 'protest',
                         'election', 'appointment', 'resignation', 'announcement', 'report', 'other')),
    title            varchar(500) not null,
    summary          text,
    date_value       varchar(40)  not null,
    date_precision   varchar(16)  not null,
    date_start       date         not null,
    date_end         date         not null,
    date_approximate boolean      not null default false,
    end_value        varchar(40),
    end_precision    varchar(16),
    end_start        date,
    end_end          date,
    end_approximate  boolean,
    place_name       varchar(300),
    confidence       real         not null default 1 check (confidence >= 0 and confidence <= 1),
    status           varchar(16)  not null check (status in ('extracted', 'confirmed', 'rejected')),
    agreement_id     uuid references agreements (id) on delete set null,
    external_source  varchar(32),
    external_id      varchar(200),
    record_hash      varchar(64),
    search           tsvector generated always as (
                         to_tsvector('english', coalesce(title, '') || ' ' || coalesce(summary, ''))) stored,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0,
    check (date_end >= date_start),
    constraint events_external_key unique (external_source, external_id)
);
-- chronological lists without an actor: start date, then precision rank, then id
create index events_date_idx on events (date_start, date_end, id);
-- "what changed since": addedSince scans
create index events_updated_idx on events (updated_at, id);
create index events_agreement_idx on events (agreement_id) where agreement_id is not null;
-- full text over titles and summaries
create index events_search_idx on events using gin (search);

-- Participants carry a copy of the event's start and precision rank, so an actor's timeline page is one
-- index range scan in date order (kept in step by the event service whenever an event's date changes).
create table event_participants (
    event_id        uuid        not null references events (id) on delete cascade,
    actor_id        uuid        not null references actors (id) on delete cascade,
    role            varchar(32) not null default 'participant',
    event_start     date        not null,
    event_end       date        not null,
    precision_rank  smallint    not null,
    primary key (event_id, actor_id)
);
-- events of an actor by date (timeline pages, seek by (start, rank, id))
create index event_participants_actor_date_idx on event_participants (actor_id, event_start, precision_rank, event_id);

create table event_sources (
    id                uuid primary key,
    event_id          uuid          not null references events (id) on delete cascade,
    article_id        uuid references articles (id) on delete set null,
    url               varchar(2048),
    quote             text,
    start_offset      integer,
    end_offset        integer,
    rule_id           varchar(100),
    extractor_version varchar(32),
    created_at        timestamptz   not null,
    check (start_offset is null or end_offset is null or end_offset >= start_offset)
);
create index event_sources_event_idx on event_sources (event_id);
create index event_sources_article_idx on event_sources (article_id) where article_id is not null;
-- full text over quotes
create index event_sources_quote_search_idx on event_sources using gin (to_tsvector('english', coalesce(quote, '')));

-- Provenance of actors and agreements found in articles.
create table actor_sources (
    id                uuid primary key,
    actor_id          uuid not null references actors (id) on delete cascade,
    article_id        uuid not null references articles (id) on delete cascade,
    quote             text,
    start_offset      integer,
    end_offset        integer,
    rule_id           varchar(100),
    extractor_version varchar(32),
    created_at        timestamptz not null
);
create index actor_sources_actor_idx on actor_sources (actor_id);
create index actor_sources_article_idx on actor_sources (article_id);

create table agreement_sources (
    id                uuid primary key,
    agreement_id      uuid not null references agreements (id) on delete cascade,
    article_id        uuid not null references articles (id) on delete cascade,
    quote             text,
    start_offset      integer,
    end_offset        integer,
    rule_id           varchar(100),
    extractor_version varchar(32),
    created_at        timestamptz not null
);
create index agreement_sources_agreement_idx on agreement_sources (agreement_id);

-- Change log: every create, update, delete and merge, so a client can sync ("what changed or went since T").
create table changes (
    seq         bigserial primary key,
    entity      varchar(16) not null check (entity in ('actor', 'event', 'agreement', 'article')),
    entity_id   uuid        not null,
    action      varchar(16) not null check (action in ('created', 'updated', 'deleted', 'merged')),
    merged_into uuid,
    changed_at  timestamptz not null
);
create index changes_time_idx on changes (changed_at, seq);
create index changes_entity_idx on changes (entity_id);
