/// The two value shapes the schema uses, driver-neutral, so records are encoded and decoded once for both
/// back ends.
enum SQLValue: Hashable, Sendable {
    case text(String)
    case integer(Int64)
    case null

    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ integer: Int64?) { self = integer.map(SQLValue.integer) ?? .null }
    init(_ integer: Int) { self = .integer(Int64(integer)) }
}

/// One fetched row, by column name.
struct StoredRow: Sendable {
    let table: String
    let values: [String: SQLValue]

    func text(_ column: String) throws(StoreError) -> String {
        guard case .text(let value)? = values[column] else { throw missing(column) }
        return value
    }

    func optionalText(_ column: String) throws(StoreError) -> String? {
        switch values[column] {
        case .text(let value)?: value
        case .null?: nil
        default: throw missing(column)
        }
    }

    func integer(_ column: String) throws(StoreError) -> Int64 {
        guard case .integer(let value)? = values[column] else { throw missing(column) }
        return value
    }

    func optionalInteger(_ column: String) throws(StoreError) -> Int64? {
        switch values[column] {
        case .integer(let value)?: value
        case .null?: nil
        default: throw missing(column)
        }
    }

    private func missing(_ column: String) -> StoreError {
        .corrupted("\(table).\(column) missing or of the wrong type")
    }
}

/// A record the back ends can write and read without knowing its shape.
protocol RowCodable: Sendable {
    static var tableName: String { get }
    /// Column names in the order of `values`; the first one is the primary key.
    static var columns: [String] { get }
    var values: [SQLValue] { get }
    init(row: StoredRow) throws(StoreError)
}

extension RowCodable {
    static var selectList: String { columns.joined(separator: ", ") }
}
