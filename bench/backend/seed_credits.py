#!/usr/bin/env python3
"""Adds N credit-history entries for an account straight into a dev backend's database (SQLite,
WAL), next to the running backend: one-time deposits and stream credits in turn, every fifth one
pending, one a day going back from now (so the period filters select part of them). They are
history rows only (the account's totals are not changed). For bench/backend/load.sh
--history-rows.

Usage: seed_credits.py DB ACCOUNT N
"""
import sqlite3
import sys
import time

db_path, account, count = sys.argv[1], sys.argv[2].lower(), int(sys.argv[3])
db = sqlite3.connect(db_path, timeout=30, isolation_level=None)
db.execute("BEGIN IMMEDIATE")
now_ms = int(time.time() * 1000)
day_ms = 86_400_000


def row(i):
    source = "deposit" if i % 2 == 0 else "streamCron"
    status = "pending" if i % 5 == 0 else "funded"
    tx = "0x" + f"{i:064x}"
    return (f"seed:{tx}:0", account, account, source, status, "100000000000000000000", "10000",
            "1000000", "100000" if source == "deposit" else "0", "1100000", tx, 0, 1,
            now_ms - (i + 1) * day_ms)


db.executemany(
    "INSERT INTO credits (id, account, payer, source, funding_status, gd_amount_wei, "
    "price_micro_usd_per_g, principal_usd, bonus_usd, total_credit_usd, tx_hash, log_index, "
    "block_number, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    (row(i) for i in range(count)))
db.execute("COMMIT")
print(db.execute("SELECT COUNT(*) FROM credits WHERE account = ?", (account,)).fetchone()[0])
