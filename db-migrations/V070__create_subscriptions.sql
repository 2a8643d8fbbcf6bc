-- Webhook subscriptions (issue 18, item 3). Each subscription follows the change log on its own: after_seq is the
-- last change it has dealt with (delivered, or found not to match), so delivery resumes there after a restart.
-- Deliveries run under the row's lock (for update skip locked), so one replica at a time works on a subscription.
create table subscriptions (
    id              uuid primary key,
    callback_url    varchar(2048) not null,
    secret          varchar(200)  not null,
    actors          uuid[]        not null default '{}',
    pair            uuid[]        not null default '{}',
    types           text[]        not null default '{}',
    min_status      varchar(16)   not null check (min_status in ('extracted', 'confirmed')),
    state           varchar(16)   not null check (state in ('active', 'paused')),
    after_seq       bigint        not null,
    failures        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    delivered       bigint        not null default 0,
    last_delivery_at timestamptz,
    last_status     integer,
    last_error      text,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null
);
create index subscriptions_due_idx on subscriptions (next_attempt_at) where state = 'active';

-- The events a subscription was sent, so their deletion (or merge into another) is sent to it too.
create table subscription_events (
    subscription_id uuid not null references subscriptions (id) on delete cascade,
    event_id        uuid not null,
    primary key (subscription_id, event_id)
);
