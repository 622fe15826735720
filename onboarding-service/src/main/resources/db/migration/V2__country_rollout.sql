-- Country rollout: payments open per country, and within a country to a percentage of users chosen by a stable
-- hash of (country, user id), so raising the percentage only ever adds users.

CREATE TABLE country_rollout (
    country    text PRIMARY KEY,
    enabled    boolean NOT NULL,
    percentage integer NOT NULL CHECK (percentage BETWEEN 0 AND 100),
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);

-- Every change ops make: who, when, old → new (old is null for a country's first setting).
CREATE TABLE country_rollout_change (
    id             uuid PRIMARY KEY,
    country        text NOT NULL,
    old_enabled    boolean,
    old_percentage integer,
    new_enabled    boolean NOT NULL,
    new_percentage integer NOT NULL,
    changed_by     text NOT NULL,
    changed_at     timestamptz NOT NULL
);
CREATE INDEX country_rollout_change_country ON country_rollout_change (country, changed_at DESC);

-- The launch countries are open to everybody by default.
INSERT INTO country_rollout (country, enabled, percentage, updated_at, updated_by) VALUES
    ('FR', true, 100, now(), 'migration'),
    ('US', true, 100, now(), 'migration');

-- The rollout bucket of a user, 0..9999: the first 8 bytes of SHA-256(country || user id) as an unsigned
-- big-endian integer, modulo 10,000. Identical to RolloutPolicy.bucket (a test compares them). A user is in the
-- rollout when bucket < percentage × 100.
CREATE FUNCTION rollout_bucket(country text, user_id text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ((h + CASE WHEN h < 0 THEN 18446744073709551616 ELSE 0 END) % 10000)::integer
    FROM (SELECT (('x' || encode(substring(sha256(convert_to(country || user_id, 'UTF8')) FROM 1 FOR 8), 'hex'))
                  ::bit(64)::bigint)::numeric AS h) AS first_eight_bytes
$$;

-- The country the rollout admitted the user in. Users active before the rollout existed were all admitted.
ALTER TABLE payment_profile ADD COLUMN admitted_country text;
UPDATE payment_profile SET admitted_country = country WHERE activated_at IS NOT NULL;
-- Users who finished onboarding but wait for the rollout: what the rollout sweep looks for.
CREATE INDEX payment_profile_rollout_pending ON payment_profile (country)
    WHERE admitted_country IS DISTINCT FROM country AND phone_verified;
