-- 0002: the case domain — partners, enquiries, cases, people, consents, evidence and custody,
-- notes and full-text search, deadlines, outcomes and impact, the digital-security risk register.
-- docs/domain-model.md explains every table; the enums here mirror shared/domain/*.ts (a test
-- checks that each value the schemas allow is accepted here and nothing else is).
--
-- Common columns: id (UUIDv7), created_at / updated_at (UTC ISO-8601 ms), version (1, 2, … on
-- each change), origin_vault (the vault that created the record). Days are 'YYYY-MM-DD'.
-- Tables that feed a full-text index carry an INTEGER PRIMARY KEY `seq` so that the index's
-- rowids are stable (an implicit rowid may be renumbered by VACUUM).

CREATE TABLE partners (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  country         TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
  kind            TEXT NOT NULL CHECK (kind IN ('ngo', 'npm', 'nhri', 'lawyer', 'other')),
  contact         TEXT,
  notes           TEXT NOT NULL DEFAULT '',
  dd_tier         TEXT NOT NULL CHECK (dd_tier IN ('small', 'medium', 'large')),
  dd_amount_gbp   INTEGER CHECK (dd_amount_gbp IS NULL OR dd_amount_gbp >= 0),
  dd_review_on    TEXT,
  dd_outcome      TEXT NOT NULL DEFAULT 'pending' CHECK (dd_outcome IN ('pending', 'approved', 'approved-with-conditions', 'rejected')),
  dd_notes        TEXT NOT NULL DEFAULT '',
  sharing_profile TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(sharing_profile)),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  origin_vault    TEXT NOT NULL
) STRICT;

CREATE TABLE partner_agreements (
  id           TEXT PRIMARY KEY,
  partner_id   TEXT NOT NULL REFERENCES partners(id),
  kind         TEXT NOT NULL CHECK (kind IN ('mou', 'confidentiality', 'data-sharing', 'other')),
  signed_on    TEXT,
  expires_on   TEXT,
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  origin_vault TEXT NOT NULL
) STRICT;
CREATE INDEX partner_agreements_partner ON partner_agreements(partner_id);

CREATE TABLE cases (
  seq            INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  reference      TEXT NOT NULL UNIQUE,
  title          TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('enquiry', 'assessment', 'accepted', 'referred', 'declined', 'active', 'closed')),
  forum          TEXT CHECK (forum IS NULL OR forum IN ('domestic-court', 'regional-commission', 'regional-court', 'un-treaty-body', 'un-special-procedure', 'other')),
  country        TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
  jurisdiction   TEXT,
  stage          TEXT CHECK (stage IS NULL OR stage IN ('preparation', 'filed', 'admissibility', 'merits', 'judgment', 'implementation', 'follow-up')),
  sensitivity    TEXT NOT NULL CHECK (sensitivity IN ('standard', 'high', 'extreme')),
  summary        TEXT NOT NULL DEFAULT '',
  strategy       TEXT NOT NULL DEFAULT '',
  project        TEXT,
  opened_on      TEXT NOT NULL,
  closed_on      TEXT,
  closure_reason TEXT,
  enquiry_id     TEXT,
  -- the earliest open deadline's day: derived, kept by the triggers on deadlines (below)
  next_deadline_on TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  origin_vault   TEXT NOT NULL
) STRICT;
-- The case list sorts by last change; each filter has an index that keeps that order.
CREATE INDEX cases_updated ON cases(updated_at DESC, id);
CREATE INDEX cases_status ON cases(status, updated_at DESC, id);
CREATE INDEX cases_forum ON cases(forum, updated_at DESC, id);
CREATE INDEX cases_country ON cases(country, updated_at DESC, id);
CREATE INDEX cases_next_deadline ON cases(next_deadline_on, updated_at DESC, id);

CREATE TABLE case_tags (
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  tag     TEXT NOT NULL,
  PRIMARY KEY (case_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_tags_tag ON case_tags(tag, case_id);

CREATE TABLE case_team (
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  member  TEXT NOT NULL,
  role    TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (case_id, member)
) STRICT, WITHOUT ROWID;

-- What changed in a case, field by field ({"field": {"from": …, "to": …}}), one row per version.
CREATE TABLE case_history (
  seq     INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes)),
  UNIQUE (case_id, version)
) STRICT;

CREATE TABLE people (
  id              TEXT PRIMARY KEY,
  full_name       TEXT NOT NULL,
  pseudonym       TEXT,
  gender          TEXT CHECK (gender IS NULL OR gender IN ('female', 'male', 'non-binary', 'other', 'undisclosed')),
  birth_date      TEXT,
  country         TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country))),
  contact         TEXT NOT NULL DEFAULT '',
  safety_notes    TEXT NOT NULL DEFAULT '',
  vulnerabilities TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(vulnerabilities)),
  notes           TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  version         INTEGER NOT NULL DEFAULT 1,
  origin_vault    TEXT NOT NULL
) STRICT;

-- Every name a person is known by (the full name and each alias), with a matching key
-- (lower case, accents removed, spaces collapsed) for the enquiry conflict check.
CREATE TABLE person_names (
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('name', 'alias')),
  name      TEXT NOT NULL,
  name_key  TEXT NOT NULL,
  PRIMARY KEY (person_id, kind, name)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_names_key ON person_names(name_key);

CREATE TABLE case_people (
  case_id   TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL REFERENCES people(id),
  role      TEXT NOT NULL CHECK (role IN ('survivor', 'witness', 'family', 'alleged-perpetrator', 'lawyer', 'expert')),
  added_at  TEXT NOT NULL,
  PRIMARY KEY (case_id, person_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX case_people_person ON case_people(person_id, case_id);

CREATE TABLE enquiries (
  id                  TEXT PRIMARY KEY,
  received_on         TEXT NOT NULL,
  channel             TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'in-person', 'letter', 'messaging', 'referral', 'other')),
  summary             TEXT NOT NULL,
  enquirer_name       TEXT NOT NULL,
  enquirer_contact    TEXT NOT NULL DEFAULT '',
  names_mentioned     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(names_mentioned)),
  status              TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'referred', 'declined')),
  decision_reason     TEXT,
  decided_at          TEXT,
  case_id             TEXT REFERENCES cases(id),
  referred_partner_id TEXT REFERENCES partners(id),
  conflict_checked_at TEXT,
  conflict_matches    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(conflict_matches)),
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  version             INTEGER NOT NULL DEFAULT 1,
  origin_vault        TEXT NOT NULL
) STRICT;
CREATE INDEX enquiries_status ON enquiries(status, received_on);

-- Consents are versioned and never edited in place: a withdrawal (or any later change) is a new
-- row in the same series with version + 1. The triggers below refuse UPDATE and DELETE.
CREATE TABLE consents (
  id                     TEXT PRIMARY KEY,
  series_id              TEXT NOT NULL,
  version                INTEGER NOT NULL CHECK (version >= 1),
  person_id              TEXT NOT NULL REFERENCES people(id),
  case_id                TEXT NOT NULL REFERENCES cases(id),
  purpose                TEXT NOT NULL CHECK (purpose IN ('representation', 'processing', 'sharing', 'donor-reporting', 'media', 'publication')),
  recipient_partner_id   TEXT REFERENCES partners(id),
  recipient_class        TEXT CHECK (recipient_class IS NULL OR recipient_class IN ('court', 'un-body', 'regional-body', 'partner', 'donor', 'media', 'public')),
  state                  TEXT NOT NULL CHECK (state IN ('given', 'refused', 'withdrawn')),
  told_nature            INTEGER NOT NULL CHECK (told_nature IN (0, 1)),
  told_purpose           INTEGER NOT NULL CHECK (told_purpose IN (0, 1)),
  told_use               INTEGER NOT NULL CHECK (told_use IN (0, 1)),
  told_consequences      INTEGER NOT NULL CHECK (told_consequences IN (0, 1)),
  told_right_to_refuse   INTEGER NOT NULL CHECK (told_right_to_refuse IN (0, 1)),
  told_right_to_withdraw INTEGER NOT NULL CHECK (told_right_to_withdraw IN (0, 1)),
  method                 TEXT NOT NULL CHECK (method IN ('written', 'oral-witnessed', 'recorded')),
  language               TEXT,
  witness                TEXT,
  given_at               TEXT NOT NULL,
  expires_at             TEXT,
  refusal_reason         TEXT,
  withdrawn_at           TEXT,
  withdrawal_reason      TEXT,
  notes                  TEXT NOT NULL DEFAULT '',
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL,
  origin_vault           TEXT NOT NULL,
  UNIQUE (series_id, version),
  CHECK (recipient_partner_id IS NULL OR recipient_class IS NULL),
  CHECK ((state = 'refused') = (refusal_reason IS NOT NULL)),
  CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL))
) STRICT;
CREATE INDEX consents_person_case ON consents(person_id, case_id, purpose);
CREATE INDEX consents_case ON consents(case_id);

CREATE TRIGGER consents_no_update BEFORE UPDATE ON consents
BEGIN
  SELECT RAISE(ABORT, 'consents are versioned: add a new version instead of editing');
END;

CREATE TRIGGER consents_no_delete BEFORE DELETE ON consents
BEGIN
  SELECT RAISE(ABORT, 'consents are versioned: they are never deleted');
END;

CREATE TABLE evidence (
  seq               INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE,
  case_id           TEXT NOT NULL REFERENCES cases(id),
  blob_id           TEXT NOT NULL REFERENCES blobs(id),
  derived_from      TEXT REFERENCES evidence(id),
  derivation_reason TEXT,
  title             TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  type              TEXT NOT NULL CHECK (type IN ('testimony', 'medical-report', 'photo', 'video', 'audio', 'document', 'court-filing', 'other')),
  file_name         TEXT NOT NULL,
  media_type        TEXT NOT NULL,
  size              INTEGER NOT NULL CHECK (size >= 0),
  sha256            TEXT NOT NULL CHECK (length(sha256) = 64),
  source            TEXT NOT NULL DEFAULT '',
  collector         TEXT NOT NULL DEFAULT '',
  method            TEXT NOT NULL DEFAULT '',
  collected_at      TEXT,
  place             TEXT NOT NULL DEFAULT '',
  received_at       TEXT NOT NULL,
  last_verified_at  TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  version           INTEGER NOT NULL DEFAULT 1,
  origin_vault      TEXT NOT NULL,
  CHECK ((derived_from IS NULL) = (derivation_reason IS NULL))
) STRICT;
CREATE INDEX evidence_case ON evidence(case_id, received_at);
CREATE INDEX evidence_derived ON evidence(derived_from);

-- Chain of custody: append-only and hash-chained per item, like the audit log:
-- hash = SHA-256(prev_hash || canonical event), the first prev_hash bound to the item's id.
CREATE TABLE custody_events (
  seq         INTEGER PRIMARY KEY,
  evidence_id TEXT NOT NULL REFERENCES evidence(id),
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL CHECK (action IN ('received', 'viewed', 'copied', 'derived', 'exported', 'shared', 'verified', 'verification-failed')),
  details     TEXT NOT NULL CHECK (json_valid(details)),
  prev_hash   BLOB NOT NULL CHECK (length(prev_hash) = 32),
  hash        BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE INDEX custody_events_item ON custody_events(evidence_id, seq);

CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
BEGIN
  SELECT RAISE(ABORT, 'custody_events is append-only');
END;

CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
BEGIN
  SELECT RAISE(ABORT, 'custody_events is append-only');
END;

CREATE TABLE notes (
  seq          INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  body         TEXT NOT NULL,
  author       TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  origin_vault TEXT NOT NULL
) STRICT;
CREATE INDEX notes_case ON notes(case_id, created_at);

-- Full-text search: external-content FTS5 tables over notes, cases and evidence, with the
-- Signal tokenizer (case and accent folding, CJK and Thai segmentation). Triggers keep them in step.
CREATE VIRTUAL TABLE notes_fts USING fts5(body, content = 'notes', content_rowid = 'seq', tokenize = 'signal_tokenizer');
CREATE TRIGGER notes_fts_ai AFTER INSERT ON notes BEGIN
  INSERT INTO notes_fts(rowid, body) VALUES (new.seq, new.body);
END;
CREATE TRIGGER notes_fts_ad AFTER DELETE ON notes BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.seq, old.body);
END;
CREATE TRIGGER notes_fts_au AFTER UPDATE OF body ON notes BEGIN
  INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.seq, old.body);
  INSERT INTO notes_fts(rowid, body) VALUES (new.seq, new.body);
END;

CREATE VIRTUAL TABLE cases_fts USING fts5(title, summary, strategy, content = 'cases', content_rowid = 'seq', tokenize = 'signal_tokenizer');
CREATE TRIGGER cases_fts_ai AFTER INSERT ON cases BEGIN
  INSERT INTO cases_fts(rowid, title, summary, strategy) VALUES (new.seq, new.title, new.summary, new.strategy);
END;
CREATE TRIGGER cases_fts_ad AFTER DELETE ON cases BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, title, summary, strategy) VALUES ('delete', old.seq, old.title, old.summary, old.strategy);
END;
CREATE TRIGGER cases_fts_au AFTER UPDATE OF title, summary, strategy ON cases BEGIN
  INSERT INTO cases_fts(cases_fts, rowid, title, summary, strategy) VALUES ('delete', old.seq, old.title, old.summary, old.strategy);
  INSERT INTO cases_fts(rowid, title, summary, strategy) VALUES (new.seq, new.title, new.summary, new.strategy);
END;

CREATE VIRTUAL TABLE evidence_fts USING fts5(title, description, content = 'evidence', content_rowid = 'seq', tokenize = 'signal_tokenizer');
CREATE TRIGGER evidence_fts_ai AFTER INSERT ON evidence BEGIN
  INSERT INTO evidence_fts(rowid, title, description) VALUES (new.seq, new.title, new.description);
END;
CREATE TRIGGER evidence_fts_ad AFTER DELETE ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, title, description) VALUES ('delete', old.seq, old.title, old.description);
END;
CREATE TRIGGER evidence_fts_au AFTER UPDATE OF title, description ON evidence BEGIN
  INSERT INTO evidence_fts(evidence_fts, rowid, title, description) VALUES ('delete', old.seq, old.title, old.description);
  INSERT INTO evidence_fts(rowid, title, description) VALUES (new.seq, new.title, new.description);
END;

CREATE TABLE deadlines (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  kind         TEXT NOT NULL CHECK (kind IN ('limitation', 'filing', 'hearing', 'response', 'other')),
  title        TEXT NOT NULL,
  due_on       TEXT NOT NULL,
  notes        TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL CHECK (status IN ('open', 'met', 'missed', 'cancelled')),
  completed_on TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  origin_vault TEXT NOT NULL
) STRICT;
-- Upcoming and overdue lists (status, due_on; case_id for the join to the case without a row read).
CREATE INDEX deadlines_due ON deadlines(status, due_on, case_id);
CREATE INDEX deadlines_case ON deadlines(case_id, due_on);

-- cases.next_deadline_on follows the open deadlines of its case, so that "cases with a deadline
-- due by D" is one indexed range on cases instead of a join over every deadline.
CREATE TRIGGER deadlines_next_ai AFTER INSERT ON deadlines BEGIN
  UPDATE cases SET next_deadline_on = (SELECT min(due_on) FROM deadlines WHERE case_id = new.case_id AND status = 'open') WHERE id = new.case_id;
END;
CREATE TRIGGER deadlines_next_au AFTER UPDATE OF case_id, due_on, status ON deadlines BEGIN
  UPDATE cases SET next_deadline_on = (SELECT min(due_on) FROM deadlines WHERE case_id = new.case_id AND status = 'open') WHERE id = new.case_id;
  UPDATE cases SET next_deadline_on = (SELECT min(due_on) FROM deadlines WHERE case_id = old.case_id AND status = 'open') WHERE id = old.case_id AND old.case_id <> new.case_id;
END;
CREATE TRIGGER deadlines_next_ad AFTER DELETE ON deadlines BEGIN
  UPDATE cases SET next_deadline_on = (SELECT min(due_on) FROM deadlines WHERE case_id = old.case_id AND status = 'open') WHERE id = old.case_id;
END;

CREATE TABLE outcomes (
  id                    TEXT PRIMARY KEY,
  case_id               TEXT NOT NULL REFERENCES cases(id),
  kind                  TEXT NOT NULL CHECK (kind IN ('declaratory', 'truth-telling', 'restitution', 'compensation', 'rehabilitation', 'satisfaction', 'non-repetition', 'movement', 'attitudes')),
  description           TEXT NOT NULL,
  achieved_on           TEXT,
  currency              TEXT CHECK (currency IS NULL OR (length(currency) = 3 AND currency = upper(currency))),
  amount_awarded_minor  INTEGER CHECK (amount_awarded_minor IS NULL OR amount_awarded_minor >= 0),
  amount_paid_minor     INTEGER CHECK (amount_paid_minor IS NULL OR amount_paid_minor >= 0),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  version               INTEGER NOT NULL DEFAULT 1,
  origin_vault          TEXT NOT NULL,
  CHECK (currency IS NOT NULL OR (amount_awarded_minor IS NULL AND amount_paid_minor IS NULL))
) STRICT;
CREATE INDEX outcomes_case ON outcomes(case_id);

CREATE TABLE indicators (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases(id),
  outcome_id   TEXT REFERENCES outcomes(id),
  name         TEXT NOT NULL,
  dimension    TEXT NOT NULL CHECK (dimension IN ('survivor', 'community', 'policy', 'society')),
  unit         TEXT NOT NULL DEFAULT '',
  baseline     REAL NOT NULL,
  target       REAL NOT NULL,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  origin_vault TEXT NOT NULL
) STRICT;
CREATE INDEX indicators_case ON indicators(case_id);

CREATE TABLE indicator_observations (
  id           TEXT PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators(id),
  observed_on  TEXT NOT NULL,
  value        REAL NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  origin_vault TEXT NOT NULL
) STRICT;
CREATE INDEX indicator_observations_indicator ON indicator_observations(indicator_id, observed_on);

-- The impact of a case beyond the judgment: for the survivor, the community, policy, society.
CREATE TABLE case_evaluations (
  case_id      TEXT PRIMARY KEY REFERENCES cases(id),
  survivor     TEXT NOT NULL DEFAULT '',
  community    TEXT NOT NULL DEFAULT '',
  policy       TEXT NOT NULL DEFAULT '',
  society      TEXT NOT NULL DEFAULT '',
  summary      TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  origin_vault TEXT NOT NULL
) STRICT;

CREATE TABLE risks (
  id           TEXT PRIMARY KEY,
  threat       TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  category     TEXT NOT NULL CHECK (category IN ('device', 'communications', 'data', 'physical', 'legal', 'people', 'other')),
  likelihood   INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
  impact       INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
  mitigations  TEXT NOT NULL DEFAULT '',
  owner        TEXT NOT NULL,
  review_on    TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('open', 'mitigated', 'accepted', 'closed')),
  case_id      TEXT REFERENCES cases(id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  origin_vault TEXT NOT NULL
) STRICT;
CREATE INDEX risks_review ON risks(status, review_on);

-- The history of one record (an evidence item's audit entries, which the custody-log check
-- compares with its chain; a case's entries in the audit viewer) without scanning the whole log.
CREATE INDEX audit_log_subject ON audit_log(subject_kind, subject_id, seq);
