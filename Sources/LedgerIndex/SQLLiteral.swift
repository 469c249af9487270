import GRDB

// Fetching from SQL literals, so values (and `IN \(values)` lists) are always bound as
// arguments, never spliced into the SQL text by hand.

extension Row {
    static func fetchAll(_ db: Database, literal: SQL) throws -> [Row] {
        try fetchAll(db, SQLRequest<Row>(literal: literal))
    }

    static func fetchCursor(_ db: Database, literal: SQL) throws -> RowCursor {
        try fetchCursor(db, SQLRequest<Row>(literal: literal))
    }
}

extension String {
    static func fetchAll(_ db: Database, literal: SQL) throws -> [String] {
        try fetchAll(db, SQLRequest<String>(literal: literal))
    }
}
