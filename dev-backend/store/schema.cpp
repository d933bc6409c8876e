#include "store/schema.h"

namespace acw::backend {

// Money columns are TEXT decimal strings: they can exceed 64 bits.
const char* const kSchemaSql = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS credits (
  seq                   INTEGER PRIMARY KEY AUTOINCREMENT,
  id                    TEXT NOT NULL UNIQUE,
  account               TEXT NOT NULL,
  payer                 TEXT NOT NULL,
  source                TEXT NOT NULL,
  funding_status        TEXT NOT NULL,
  gd_amount_wei         TEXT NOT NULL,
  price_micro_usd_per_g TEXT NOT NULL,
  principal_usd         TEXT NOT NULL,
  bonus_usd             TEXT NOT NULL,
  total_credit_usd      TEXT NOT NULL,
  tx_hash               TEXT NOT NULL,
  log_index             INTEGER NOT NULL,
  block_number          INTEGER NOT NULL,
  created_at_ms         INTEGER NOT NULL,
  period_from_s         INTEGER,
  period_to_s           INTEGER
);
CREATE INDEX IF NOT EXISTS credits_by_account ON credits (account, created_at_ms);
-- Sign-in nonces live 10 minutes: the table of earlier versions (no origin) is dropped
-- rather than migrated.
DROP TABLE IF EXISTS nonces;
CREATE TABLE IF NOT EXISTS sign_in_nonces (
  nonce         TEXT PRIMARY KEY,
  account       TEXT NOT NULL,
  chain_id      INTEGER NOT NULL,
  message       TEXT NOT NULL,
  origin        TEXT NOT NULL,
  issued_at_ms  INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL,
  used_at_ms    INTEGER
);
CREATE TABLE IF NOT EXISTS api_keys (
  id              TEXT PRIMARY KEY,
  account         TEXT NOT NULL,
  token_sha256    TEXT NOT NULL UNIQUE,
  token_prefix    TEXT NOT NULL,
  created_at_ms   INTEGER NOT NULL,
  last_used_at_ms INTEGER,
  revoked_at_ms   INTEGER
);
-- The key list's order (newest first, then id) straight from the index: no sort step.
DROP INDEX IF EXISTS api_keys_by_account;
CREATE INDEX IF NOT EXISTS api_keys_by_account_created ON api_keys (account, created_at_ms DESC, id);
-- Read sessions of a sign-in (30 minutes): who may read an account's usage and keys.
CREATE TABLE IF NOT EXISTS read_sessions (
  token_sha256  TEXT PRIMARY KEY,
  account       TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS usage (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  account    TEXT NOT NULL,
  api_key_id TEXT NOT NULL,
  request_id TEXT NOT NULL,
  model      TEXT NOT NULL,
  cost_usd   TEXT NOT NULL,
  at_ms      INTEGER NOT NULL,
  UNIQUE (account, request_id)
);
CREATE INDEX IF NOT EXISTS usage_by_account ON usage (account, at_ms);
-- What each account spent and how many usage rows it has: the sum and count of its usage
-- rows, kept by record_usage in the same transaction (a profile or a usage page then reads
-- one row instead of summing or counting every usage row), and rebuilt from the rows at
-- every open.
CREATE TABLE IF NOT EXISTS usage_totals (
  account     TEXT PRIMARY KEY,
  used_usd    TEXT NOT NULL,
  usage_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS streams (
  id                    INTEGER PRIMARY KEY AUTOINCREMENT,
  sender                TEXT NOT NULL,
  account               TEXT NOT NULL,
  status                TEXT NOT NULL CHECK (status IN ('active', 'ended')),
  flow_rate_wei         TEXT NOT NULL,
  price_micro_usd_per_g TEXT NOT NULL,
  started_at_s          INTEGER NOT NULL,
  ended_at_s            INTEGER,
  end_reason            TEXT,
  credited_until_s      INTEGER NOT NULL,
  streamed_wei          TEXT NOT NULL,
  segment_wei           TEXT NOT NULL,
  segment_principal_usd TEXT NOT NULL,
  segment_bonus_usd     TEXT NOT NULL,
  start_event_id        TEXT NOT NULL,
  end_event_id          TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS streams_active_sender ON streams (sender) WHERE status = 'active';
CREATE INDEX IF NOT EXISTS streams_by_account ON streams (account, id);
CREATE TABLE IF NOT EXISTS stream_events (
  id                    TEXT PRIMARY KEY,
  tx_hash               TEXT NOT NULL,
  log_index             INTEGER NOT NULL,
  block_number          INTEGER NOT NULL,
  block_time_s          INTEGER NOT NULL,
  account               TEXT NOT NULL,
  sender                TEXT NOT NULL,
  flow_rate_wei         TEXT NOT NULL,
  price_micro_usd_per_g TEXT NOT NULL,
  liquidator            TEXT,
  kind                  TEXT NOT NULL,
  stream_id             INTEGER NOT NULL,
  recorded_at_ms        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stream_events_by_tx ON stream_events (tx_hash, log_index);
)sql";

}  // namespace acw::backend
