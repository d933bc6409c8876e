#!/usr/bin/env python3
"""Adds N usage rows for an account straight into a dev backend's database (SQLite, WAL), next
to the running backend, with the account's usage_totals kept in step (used_usd, and
usage_count where the schema has it), as the backend's own spends would. Each row costs
1 micro-USD. For bench/backend/load.sh --usage-rows.

Usage: seed_usage.py DB ACCOUNT N
"""
import sqlite3
import sys
import time

db_path, account, count = sys.argv[1], sys.argv[2].lower(), int(sys.argv[3])
db = sqlite3.connect(db_path, timeout=30, isolation_level=None)
db.execute("BEGIN IMMEDIATE")
now_ms = int(time.time() * 1000) - count  # older than anything the benchmark adds
db.executemany(
    "INSERT INTO usage (account, api_key_id, request_id, model, cost_usd, at_ms) "
    "VALUES (?, 'key_0000000000000000', ?, 'bench-model', '1', ?)",
    ((account, f"seed-{i}", now_ms + i) for i in range(count)))
columns = {row[1] for row in db.execute("PRAGMA table_info(usage_totals)")}
row = db.execute("SELECT used_usd FROM usage_totals WHERE account = ?", (account,)).fetchone()
used = str(int(row[0]) + count) if row else str(count)
db.execute("INSERT INTO usage_totals (account, used_usd) VALUES (?, ?) "
           "ON CONFLICT (account) DO UPDATE SET used_usd = excluded.used_usd", (account, used))
if "usage_count" in columns:
    db.execute("UPDATE usage_totals SET usage_count = "
               "(SELECT COUNT(*) FROM usage WHERE account = ?) WHERE account = ?",
               (account, account))
db.execute("COMMIT")
print(db.execute("SELECT COUNT(*) FROM usage WHERE account = ?", (account,)).fetchone()[0])
