/// Settings of the one writer connection of the SQLite back end. Public so that the benchmark's raw baseline
/// runs with exactly the same ones.
public enum SQLiteTuning {
    /// - `cache_size`: 64 MiB of page cache (SQLite's default is 2 MiB). A batch of an import dirties pages
    ///   across the identity indexes; a small cache spills them to the WAL and reads them back before the commit.
    /// - `wal_autocheckpoint`: copy the WAL back into the database every 64 MiB of log instead of every 4 MiB.
    ///   An import batch rewrites many of the same index pages as the one before it; a checkpoint writes each
    ///   page once however many commits changed it, so rarer checkpoints write far less. Durability is not
    ///   affected: a commit is durable once its WAL frames are synced (`synchronous = FULL`), checkpoint or not.
    /// - `journal_size_limit`: after a checkpoint, the WAL file is truncated back to 64 MiB at most.
    public static let writerPragmas = [
        "PRAGMA cache_size = -65536",
        "PRAGMA wal_autocheckpoint = 16384",
        "PRAGMA journal_size_limit = 67108864",
    ]

    /// During an initial load (no secondary identity index): 16 MiB of page cache, which also bounds the memory
    /// of each index build's sorter.
    static let initialLoadCache = "PRAGMA cache_size = -16384"
}
