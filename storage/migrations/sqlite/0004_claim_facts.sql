-- Each claim's parsed facts (facts/codec.py), written once so a check need not parse the
-- claim again. ``version`` names the code that parsed them (facts.codec.facts_version): rows
-- of another version are parsed again and replaced. Deleted with their claim.
CREATE TABLE IF NOT EXISTS claim_facts (
    claim_key INTEGER PRIMARY KEY REFERENCES claims(key) ON DELETE CASCADE,
    version TEXT NOT NULL,
    facts BLOB NOT NULL
);
