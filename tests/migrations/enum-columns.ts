// The enum columns of migration 0002 owned by the other areas' schemas (consents, evidence,
// deadlines, outcomes, partners, risks), checked by 0002-case-domain.test.ts.
export const ENUM_COLUMNS: Array<[string, string, readonly string[]]> = [];
