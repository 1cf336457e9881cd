-- 0004: donor reporting — a case carries the donor code it is reported under (a funding
-- agreement, a grant number), beside its project. Donor reports (src-main/engine/reports/,
-- docs/reports.md) select cases by tag, project or donor code; the two indexes below keep
-- that selection an index lookup at any vault size, in the case list's own order.
--
-- The column is nullable: existing cases have no donor code until someone sets one. The CHECK
-- mirrors shared/domain/cases.ts (text, 1 to 100 characters); SQLite checks it on every new
-- or changed row (ALTER TABLE … ADD COLUMN with a CHECK is allowed because the default is NULL).
ALTER TABLE cases ADD COLUMN donor_code TEXT CHECK (donor_code IS NULL OR length(donor_code) BETWEEN 1 AND 100);

CREATE INDEX cases_donor_code ON cases(donor_code, updated_at DESC, id);
CREATE INDEX cases_project ON cases(project, updated_at DESC, id);
