/// The schema written once and rendered for each back end, so that SQLite and PostgreSQL say the same thing.
/// Every column has the same name, logical type and nullability in both.
struct TableDefinition: Sendable {
    enum ColumnType: Sendable {
        case text
        case integer
        case bigInteger

        func sql(_ dialect: SQLDialect) -> String {
            // PostgreSQL text compares bytewise like SQLite's BINARY only under the "C" collation; the key
            // range scans and the ordering by id rely on it. Integers are 64-bit in both.
            switch (self, dialect) {
            case (.text, .sqlite): "TEXT"
            case (.text, .postgres): "TEXT COLLATE \"C\""
            case (.integer, .sqlite), (.bigInteger, .sqlite): "INTEGER"
            case (.integer, .postgres), (.bigInteger, .postgres): "BIGINT"
            }
        }
    }

    struct Column: Sendable {
        let name: String
        let type: ColumnType
        let nullable: Bool
        let primaryKey: Bool
    }

    struct Index: Sendable {
        let name: String
        let columns: [String]
        let unique: Bool
        /// A partial index's condition (`WHERE …`), the same text in both dialects.
        var condition: String? = nil

        func createStatement(on table: String, ifNotExists: Bool = false) -> String {
            let unique = unique ? "UNIQUE " : ""
            let guarded = ifNotExists ? "IF NOT EXISTS " : ""
            let partial = condition.map { " WHERE \($0)" } ?? ""
            return "CREATE \(unique)INDEX \(guarded)\(name) ON \(table) (\(columns.joined(separator: ", ")))\(partial)"
        }
    }

    let name: String
    let columns: [Column]
    let indexes: [Index]

    func createStatements(_ dialect: SQLDialect) -> [String] {
        let columnSQL = columns.map { column in
            var text = "\(column.name) \(column.type.sql(dialect))"
            if column.primaryKey { text += " PRIMARY KEY" } else if !column.nullable { text += " NOT NULL" }
            return text
        }
        var statements = ["CREATE TABLE \(name) (\(columnSQL.joined(separator: ", ")))"]
        for index in indexes { statements.append(index.createStatement(on: name)) }
        return statements
    }
}

enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

/// Builders that keep the table definitions readable.
func column(_ name: String, _ type: TableDefinition.ColumnType, nullable: Bool = false, primaryKey: Bool = false)
    -> TableDefinition.Column
{
    TableDefinition.Column(name: name, type: type, nullable: nullable, primaryKey: primaryKey)
}

func index(_ name: String, _ columns: [String], unique: Bool = false, where condition: String? = nil)
    -> TableDefinition.Index
{
    TableDefinition.Index(name: name, columns: columns, unique: unique, condition: condition)
}
