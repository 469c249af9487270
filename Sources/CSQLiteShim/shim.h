#include <sqlite3.h>

/// sqlite3_db_config is variadic, which Swift cannot call: the one setting repro needs.
/// Closing the last connection then leaves the WAL as it is: no checkpoint, no fsync, no
/// deleted file for the next process to create again.
static inline int repro_sqlite3_no_checkpoint_on_close(sqlite3 *db) {
    int applied = 0;
    int code = sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, &applied);
    return code == SQLITE_OK && applied == 1 ? SQLITE_OK : (code == SQLITE_OK ? SQLITE_ERROR : code);
}

/// 1 when the file this connection opened is no longer the one at its path (renamed over
/// or deleted), so a connection opened just before `repro reindex` swapped the index in
/// does not go on using the old file beside the new file's WAL.
static inline int repro_sqlite3_file_has_moved(sqlite3 *db) {
    int moved = 0;
    int code = sqlite3_file_control(db, "main", SQLITE_FCNTL_HAS_MOVED, &moved);
    return code == SQLITE_OK ? moved : 0;
}
