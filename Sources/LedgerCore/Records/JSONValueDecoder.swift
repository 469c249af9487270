import Foundation

/// Decodes a record from the `JSONValue` its bytes were already parsed into for the id check,
/// instead of parsing them a second time with `JSONDecoder` (half the cost of indexing).
///
/// It is stricter than `JSONDecoder`, never more lenient: integers only from JSON integers,
/// no floating-point or Foundation types; coding paths are left empty (nothing here is shown).
/// `RecordCodec` answers any failure here by decoding
/// with `JSONDecoder` again, so a record it refuses gets the same verdict and message as ever.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ value: JSONValue, codingPath: [any CodingKey] = []) {
        self.value = value
        self.codingPath = codingPath
    }

    /// Why the fast path gave up; never shown (the record is decoded again by `JSONDecoder`).
    static var refused: DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "left to JSONDecoder"))
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = value else { throw JSONValueDecoder.refused }
        return KeyedDecodingContainer(Keyed<Key>(members: members, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw JSONValueDecoder.refused }
        return Unkeyed(items: items, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, codingPath: codingPath) }

    /// The one place a value becomes a Swift value.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue, codingPath: [any CodingKey]) throws -> T {
        switch value {
        case .string(let text) where type == String.self: return text as! T
        case .bool(let flag) where type == Bool.self: return flag as! T
        case .integer(let number) where type == Int.self: return Int(number) as! T
        case .integer(let number) where type == Int64.self: return number as! T
        default: break
        }
        if let integerType = type as? any FixedWidthInteger.Type {
            guard case .integer(let number) = value, let exact = exactly(integerType, number) else { throw JSONValueDecoder.refused }
            return exact as! T
        }
        if type == String.self || type == Bool.self || type == Int.self || type == Int64.self || type == Double.self
            || type == Float.self || type == Date.self || type == Data.self || type == URL.self || type == Decimal.self {
            throw JSONValueDecoder.refused
        }
        return try T(from: JSONValueDecoder(value, codingPath: codingPath))
    }

    /// `number` as an `Int32` (an exit status) or any other integer type, when it fits.
    private static func exactly<Integer: FixedWidthInteger>(_ type: Integer.Type, _ number: Int64) -> Integer? {
        Integer(exactly: number)
    }

    private struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let members: [String: JSONValue]
        let codingPath: [any CodingKey]

        var allKeys: [Key] { members.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { members[key.stringValue] != nil }

        func member(_ key: Key) throws -> JSONValue {
            guard let value = members[key.stringValue] else { throw JSONValueDecoder.refused }
            return value
        }

        func decodeNil(forKey key: Key) throws -> Bool { try member(key) == .null }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONValueDecoder.decode(type, from: member(key), codingPath: codingPath)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONValueDecoder(member(key), codingPath: codingPath).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(member(key), codingPath: codingPath).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw JSONValueDecoder.refused }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw JSONValueDecoder.refused }
    }

    private struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JSONValue]
        let codingPath: [any CodingKey]
        var currentIndex = 0

        init(items: [JSONValue], codingPath: [any CodingKey]) {
            self.items = items
            self.codingPath = codingPath
        }

        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        mutating func next() throws -> JSONValue {
            guard !isAtEnd else { throw JSONValueDecoder.refused }
            defer { currentIndex += 1 }
            return items[currentIndex]
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw JSONValueDecoder.refused }
            if items[currentIndex] == .null { currentIndex += 1; return true }
            return false
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONValueDecoder.decode(type, from: next(), codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try JSONValueDecoder(next()).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try JSONValueDecoder(next()).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { throw JSONValueDecoder.refused }
    }

    private struct Single: SingleValueDecodingContainer {
        let value: JSONValue
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { value == .null }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONValueDecoder.decode(type, from: value, codingPath: codingPath)
        }
    }
}
