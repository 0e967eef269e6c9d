// Schema version 1 → 2. Metrics get explicit scope and split columns (version 1 packed them into the name),
// snapshots and checkpoints are keyed by step (so the first epoch can be sampled several times), runs record
// the GPU adapter, and cached inspection artifacts get a table. Rebuilt tables follow SQLite's 12-step
// ALTER TABLE procedure; the runner has foreign keys off and checks them before it commits.

import type { Database } from 'better-sqlite3'

// the global step at which a version-1 epoch ended: epoch 0 is "before training", otherwise the epoch's last
// logged step. (two v1 epochs without any metrics would collide on step 0; the later one is dropped)
const V1_EPOCH_STEP = (table: string) => `CASE WHEN ${table}.epoch = 0 THEN 0 ELSE coalesce(
  (SELECT max(m.step) FROM metrics_v2 m WHERE m.run_id = ${table}.run_id AND m.epoch = ${table}.epoch), 0) END`

export function migrateV1toV2(db: Database): void {
  db.exec(`
    ALTER TABLE runs ADD COLUMN adapter TEXT;

    CREATE TABLE metrics_v2 (
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      scope TEXT NOT NULL CHECK (scope IN ('step', 'epoch')),
      split TEXT NOT NULL CHECK (split IN ('train', 'val', 'test')),
      name TEXT NOT NULL,
      step INTEGER NOT NULL CHECK (step >= 0),
      epoch INTEGER NOT NULL CHECK (epoch >= 0),
      value REAL,
      PRIMARY KEY (run_id, scope, split, name, step)
    ) STRICT, WITHOUT ROWID;

    -- "epoch.val.accuracy" → (epoch, val, accuracy); "train.loss" → (step, train, loss); an unknown
    -- split keeps the whole rest as the name under train. later duplicates win, as they did when read.
    WITH a AS (
      SELECT rowid AS r, run_id, step, epoch, value,
        CASE WHEN name LIKE 'epoch.%' THEN 'epoch' ELSE 'step' END AS scope,
        CASE WHEN name LIKE 'epoch.%' THEN substr(name, 7) ELSE name END AS rest
      FROM metrics),
    b AS (SELECT *, substr(rest, 1, instr(rest, '.') - 1) AS head FROM a)
    INSERT OR REPLACE INTO metrics_v2 (run_id, scope, split, name, step, epoch, value)
    SELECT run_id, scope,
      CASE WHEN head IN ('train', 'val', 'test') THEN head ELSE 'train' END,
      CASE WHEN head IN ('train', 'val', 'test') THEN substr(rest, length(head) + 2) ELSE rest END,
      step, epoch, value
    FROM b ORDER BY r;

    CREATE TABLE snapshots_v2 (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      step INTEGER NOT NULL CHECK (step >= 0),
      epoch INTEGER NOT NULL CHECK (epoch >= 0),
      node TEXT NOT NULL,
      param TEXT NOT NULL,
      shape TEXT NOT NULL CHECK (json_valid(shape)),
      data BLOB NOT NULL CHECK (length(data) % 4 = 0),
      UNIQUE (run_id, step, node, param)
    ) STRICT;
    INSERT OR IGNORE INTO snapshots_v2 (id, run_id, step, epoch, node, param, shape, data)
    SELECT s.id, s.run_id, ${V1_EPOCH_STEP('s')}, s.epoch, s.node, s.param, s.shape, s.data
    FROM snapshots s ORDER BY s.id;

    CREATE TABLE checkpoints_v2 (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      step INTEGER NOT NULL CHECK (step >= 0),
      epoch INTEGER NOT NULL CHECK (epoch >= 0),
      state TEXT NOT NULL CHECK (json_valid(state)),
      created_at INTEGER NOT NULL,
      UNIQUE (run_id, step)
    ) STRICT;
    INSERT OR IGNORE INTO checkpoints_v2 (id, run_id, step, epoch, state, created_at)
    SELECT c.id, c.run_id, ${V1_EPOCH_STEP('c')}, c.epoch, c.state, c.created_at
    FROM checkpoints c ORDER BY c.id;
    DELETE FROM checkpoint_tensors WHERE checkpoint_id NOT IN (SELECT id FROM checkpoints_v2);

    DROP TABLE metrics;
    DROP TABLE snapshots;
    DROP TABLE checkpoints;
    ALTER TABLE metrics_v2 RENAME TO metrics;
    ALTER TABLE snapshots_v2 RENAME TO snapshots;
    ALTER TABLE checkpoints_v2 RENAME TO checkpoints;

    CREATE TABLE artifacts (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      key TEXT NOT NULL,
      json TEXT CHECK (json IS NULL OR json_valid(json)),
      data BLOB,
      created_at INTEGER NOT NULL,
      UNIQUE (run_id, kind, key)
    ) STRICT;
  `)
}
