import Foundation
import PostgresNIO

/// Decodes one of the store's records (a `Decodable` with one property per column, as GRDB
/// reads it for SQLite) from a PostgreSQL row, column by name.
///
/// The values PostgreSQL has a type for are read as such (text, integers, floats, booleans,
/// `timestamptz`, `bytea`); any other property — a list, a dictionary — is JSON kept in a
/// text column, read as GRDB reads it, so that both stores keep the same bytes.
struct RowDecoder {
    /// The record `R` from `row`.
    static func decode<R: Decodable>(_ type: R.Type, from row: PostgresRow) throws -> R {
        try R(from: RowReader(row: row.makeRandomAccess()))
    }

    /// How JSON columns are read: as GRDB writes them (dates in milliseconds).
    static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        return decoder
    }
}

/// The `Decoder` over one row.
private struct RowReader: Decoder {
    let row: PostgresRandomAccessRow
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Columns<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: codingPath, debugDescription: "a row is read by column name"))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        throw DecodingError.typeMismatch(Any.self, .init(codingPath: codingPath, debugDescription: "a row is read by column name"))
    }
}

/// The columns of the row, by the record's property names.
private struct Columns<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: PostgresRandomAccessRow
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { row.compactMap { Key(stringValue: $0.columnName) } }

    func contains(_ key: Key) -> Bool { row.contains(key.stringValue) }

    func decodeNil(forKey key: Key) throws -> Bool {
        try cell(key).bytes == nil
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decodeValue(type, forKey: key)
    }

    // The primitive cases go through the generic one, which knows the column types.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decodeValue(type, forKey: key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decodeValue(type, forKey: key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decodeValue(type, forKey: key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decodeValue(type, forKey: key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decodeValue(type, forKey: key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decodeValue(type, forKey: key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decodeValue(type, forKey: key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decodeValue(type, forKey: key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decodeValue(type, forKey: key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decodeValue(type, forKey: key) }

    private func decodeValue<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let cell = try cell(key)
        guard cell.bytes != nil else {
            throw DecodingError.valueNotFound(T.self, .init(codingPath: [key], debugDescription: "column \(key.stringValue) is NULL"))
        }
        switch type {
        case is String.Type: return try Self.cast(cell.decode(String.self), key)
        case is Int.Type: return try Self.cast(cell.decode(Int.self), key)
        case is Int64.Type: return try Self.cast(cell.decode(Int64.self), key)
        case is Double.Type: return try Self.cast(cell.decode(Double.self), key)
        case is Bool.Type: return try Self.cast(cell.decode(Bool.self), key)
        case is Date.Type: return try Self.cast(cell.decode(Date.self), key)
        case is Data.Type: return try Self.cast(cell.decode(Data.self), key)
        default:
            let text = try cell.decode(String.self)
            return try RowDecoder.jsonDecoder().decode(T.self, from: Data(text.utf8))
        }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "a column holds no nested record"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "a column holds no nested list"))
    }

    func superDecoder() throws -> any Decoder { RowReader(row: row) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowReader(row: row) }

    private func cell(_ key: Key) throws -> PostgresCell {
        guard row.contains(key.stringValue) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "the query selected no column \(key.stringValue)"))
        }
        return row[key.stringValue]
    }

    private static func cast<T>(_ value: Any, _ key: Key) throws -> T {
        guard let typed = value as? T else {
            throw DecodingError.typeMismatch(T.self, .init(codingPath: [key], debugDescription: "column \(key.stringValue)"))
        }
        return typed
    }
}
