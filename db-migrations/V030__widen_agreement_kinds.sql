-- Extraction distinguishes generic agreements and corporate mergers from the other kinds.
alter table agreements drop constraint agreements_kind_check;
alter table agreements add constraint agreements_kind_check
    check (kind in ('treaty', 'accord', 'agreement', 'deal', 'memorandum', 'ceasefire', 'framework', 'declaration', 'merger', 'other'));
