import Foundation
import PostgresNIO

/// The columns of one of the store's records (an `Encodable` with one property per column, as
/// GRDB writes it for SQLite) as names and bound values, for an insert or an upsert.
///
/// An absent optional is bound as NULL rather than left out, so that an upsert clears what was
/// there. Values without a PostgreSQL type of their own (lists, dictionaries) are JSON text,
/// written as GRDB writes them (sorted keys, dates in milliseconds): both stores keep the same
/// bytes, and `jobtwin db copy` can compare them.
struct RowEncoder {
    /// The record's column names, in the order of its properties.
    var columns: [String] = []
    /// Their values.
    var bindings = PostgresBindings()

    /// The columns of `record`, but those in `skipped` (a key the database numbers itself).
    static func encode<R: Encodable>(_ record: R, skipping skipped: Set<String> = []) throws -> RowEncoder {
        let writer = RowWriter()
        writer.box.skipped = skipped
        try record.encode(to: writer)
        return writer.box.encoded
    }

    /// How JSON columns are written: as GRDB writes them.
    static func jsonText<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `INSERT INTO table (columns) VALUES ($1, …)` and, with `conflict`, what to do when the
    /// key is taken: `nil` to fail, `[]` to do nothing, or the key's columns to update the rest.
    func insert(into table: String, onConflict conflict: [String]? = nil) -> PostgresQuery {
        let placeholders = columns.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
        if let conflict {
            if conflict.isEmpty {
                sql += " ON CONFLICT DO NOTHING"
            } else {
                let updated = columns.filter { !conflict.contains($0) }.map { "\($0) = EXCLUDED.\($0)" }
                sql += " ON CONFLICT (\(conflict.joined(separator: ", "))) "
                    + (updated.isEmpty ? "DO NOTHING" : "DO UPDATE SET " + updated.joined(separator: ", "))
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}

/// Collects what the record encodes (a class, since the containers are copied).
private final class EncodedBox {
    var encoded = RowEncoder()
    var skipped: Set<String> = []
}

private struct RowWriter: Encoder {
    let box = EncodedBox()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(ColumnWriter<Key>(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        // The store's records are all keyed by column; nothing encodes a bare list at the top.
        UnsupportedList(codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        UnsupportedValue(codingPath: codingPath)
    }
}

private struct ColumnWriter<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: EncodedBox
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        guard !box.skipped.contains(key.stringValue) else { return }
        box.encoded.columns.append(key.stringValue)
        box.encoded.bindings.appendNull()
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, forKey: key)
    }

    // The primitive cases go through the generic one, which knows the column types.
    mutating func encode(_ value: Bool, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: String, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encodeValue(value, forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encodeValue(value, forKey: key) }

    private mutating func encodeValue<T: Encodable>(_ value: T, forKey key: Key) throws {
        guard !box.skipped.contains(key.stringValue) else { return }
        box.encoded.columns.append(key.stringValue)
        switch value {
        case let text as String: box.encoded.bindings.append(text)
        case let number as Int: box.encoded.bindings.append(number)
        case let number as Int64: box.encoded.bindings.append(number)
        case let number as Double: box.encoded.bindings.append(number)
        case let flag as Bool: box.encoded.bindings.append(flag)
        case let date as Date: box.encoded.bindings.append(date)
        case let data as Data: try box.encoded.bindings.append(data)
        default: box.encoded.bindings.append(try RowEncoder.jsonText(value))
        }
    }

    // The synthesized `encode(to:)` skips absent optionals; a column must be NULL instead.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(ColumnWriter<NestedKey>(box: EncodedBox()))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        UnsupportedList(codingPath: [key])
    }

    mutating func superEncoder() -> any Encoder { RowWriter() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { RowWriter() }
}

/// A record that encodes a bare list where a row is expected: every value throws.
private struct UnsupportedList: UnkeyedEncodingContainer {
    var codingPath: [any CodingKey]
    var count: Int { 0 }
    mutating func encodeNil() throws { throw Self.error(codingPath) }
    mutating func encode<T: Encodable>(_ value: T) throws { throw Self.error(codingPath) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(ColumnWriter<NestedKey>(box: EncodedBox()))
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
    mutating func superEncoder() -> any Encoder { RowWriter() }

    static func error(_ path: [any CodingKey]) -> EncodingError {
        EncodingError.invalidValue([Any](), .init(codingPath: path, debugDescription: "a row is written by column name"))
    }
}

/// A record that encodes a single value where a row is expected: it throws.
private struct UnsupportedValue: SingleValueEncodingContainer {
    var codingPath: [any CodingKey]
    mutating func encodeNil() throws { throw UnsupportedList.error(codingPath) }
    mutating func encode<T: Encodable>(_ value: T) throws { throw UnsupportedList.error(codingPath) }
}
