// Schema version 1: the first released shape of a project file. Frozen: files of this version exist on users'
// disks, so it is never edited; later versions change it only through their own migration steps.
// Version 1 packed a metric's scope and split into its name ("train.loss" per step, "epoch.val.accuracy"
// per epoch) and keyed learned-parameter snapshots and checkpoints by epoch only.

import type { Database } from 'better-sqlite3'

export function createV1(db: Database): void {
  db.exec(`
    CREATE TABLE project (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      created_at INTEGER NOT NULL,
      app_version TEXT NOT NULL
    ) STRICT;

    CREATE TABLE graph (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      spec TEXT NOT NULL CHECK (json_valid(spec)),
      layout TEXT NOT NULL CHECK (json_valid(layout)),
      updated_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE datasets (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
      spec TEXT NOT NULL CHECK (json_valid(spec)),
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE runs (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      spec TEXT NOT NULL CHECK (json_valid(spec)),
      hyper TEXT NOT NULL CHECK (json_valid(hyper)),
      dataset TEXT NOT NULL CHECK (json_valid(dataset)),
      backend TEXT NOT NULL CHECK (backend IN ('cpu', 'webgpu')),
      seed INTEGER NOT NULL,
      status TEXT NOT NULL
        CHECK (status IN ('queued', 'running', 'paused', 'done', 'failed', 'interrupted', 'stopped')),
      created_at INTEGER NOT NULL,
      started_at INTEGER,
      ended_at INTEGER,
      error TEXT
    ) STRICT;

    CREATE TABLE metrics (
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      step INTEGER NOT NULL CHECK (step >= 0),
      epoch INTEGER NOT NULL CHECK (epoch >= 0),
      name TEXT NOT NULL,
      value REAL
    ) STRICT;
    CREATE INDEX metrics_by_run ON metrics (run_id, name, step);

    CREATE TABLE snapshots (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      epoch INTEGER NOT NULL CHECK (epoch >= 0),
      node TEXT NOT NULL,
      param TEXT NOT NULL,
      shape TEXT NOT NULL CHECK (json_valid(shape)),
      data BLOB NOT NULL CHECK (length(data) % 4 = 0),
      UNIQUE (run_id, epoch, node, param)
    ) STRICT;

    CREATE TABLE checkpoints (
      id INTEGER PRIMARY KEY,
      run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
      epoch INTEGER NOT NULL CHECK (epoch >= 0),
      state TEXT NOT NULL CHECK (json_valid(state)),
      created_at INTEGER NOT NULL,
      UNIQUE (run_id, epoch)
    ) STRICT;

    CREATE TABLE checkpoint_tensors (
      checkpoint_id INTEGER NOT NULL REFERENCES checkpoints(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('weights', 'optimizer')),
      key TEXT NOT NULL,
      shape TEXT NOT NULL CHECK (json_valid(shape)),
      data BLOB NOT NULL CHECK (length(data) % 4 = 0),
      PRIMARY KEY (checkpoint_id, role, key)
    ) STRICT;
  `)
}
