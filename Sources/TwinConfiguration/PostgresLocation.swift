public import Foundation

/// Where a PostgreSQL database is: what `--db postgres://user@host:5432/jobtwin` (or
/// `database:` in the configuration, or `$JOBTWIN_DB`) names.
///
/// The password comes from the URL or, when the URL has none, from `$PGPASSWORD`, as libpq's
/// tools take it; it is never part of `description`, so that a log line, an error or
/// `--check-config` can name the database safely. `sslmode` is read as libpq reads it:
/// `disable`, `prefer` (the default) or `require`; `verify-ca` and `verify-full` also check the
/// server's certificate.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is encrypted (`sslmode=`).
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never encrypted.
        case disable
        /// Encrypted when the server offers it.
        case prefer
        /// Always encrypted; the certificate is not checked.
        case require
        /// Always encrypted; the certificate must be signed by a trusted authority.
        case verifyCA = "verify-ca"
        /// Always encrypted; the certificate must be trusted and name the host.
        case verifyFull = "verify-full"
    }

    /// The server's host name or address.
    public var host: String
    /// The server's port (5432 unless the URL says otherwise).
    public var port: Int
    /// The role to sign in as.
    public var user: String
    /// The password, from the URL or `$PGPASSWORD`; `nil` for none (trust or peer sign-in).
    public var password: String?
    /// The database's name.
    public var database: String
    /// Whether and how the connection is encrypted.
    public var tls: TLSMode

    /// Whether `text` names a PostgreSQL database (`postgres://` or `postgresql://`); anything
    /// else is a SQLite path.
    public static func isPostgresURL(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://")
    }

    /// Reads a `postgres://[user[:password]@]host[:port][/database][?sslmode=…]` URL.
    /// `environment` supplies `PGPASSWORD` when the URL has no password.
    ///
    /// - Throws: `PostgresLocationError` saying what is wrong with the URL.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresLocationError) {
        guard Self.isPostgresURL(text), let components = URLComponents(string: text) else {
            throw .notAPostgresURL
        }
        // URLComponents keeps an IPv6 address's brackets; the connection needs the address alone.
        guard var host = components.host, !host.isEmpty else { throw .missingHost }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw .missingHost }
        guard let user = components.user, !user.isEmpty else { throw .missingUser }
        if let port = components.port, !(1...65_535).contains(port) { throw .badPort(port) }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw .badDatabaseName(path) }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else { throw .badTLSMode(item.value ?? "") }
                tls = mode
            default:
                throw .unknownParameter(item.name)
            }
        }
        self.host = host
        self.port = components.port ?? 5432
        self.user = user
        self.password = components.password.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        self.database = path.isEmpty ? user : path
        self.tls = tls
    }

    /// Creates a location from its parts.
    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// The same server and role, another database (the tests make one each).
    public func database(_ name: String) -> PostgresLocation {
        var location = self
        location.database = name
        return location
    }

    /// The URL without the password: `postgres://user@host:port/database?sslmode=…`.
    public var description: String {
        let address = host.contains(":") ? "[\(host)]" : host
        let mode = tls == .prefer ? "" : "?sslmode=\(tls.rawValue)"
        return "postgres://\(user)@\(address):\(port)/\(database)\(mode)"
    }
}

/// What is wrong with a PostgreSQL URL, said so that the person who wrote it can mend it.
public enum PostgresLocationError: Error, Equatable, CustomStringConvertible {
    /// It does not start with `postgres://` or `postgresql://`.
    case notAPostgresURL
    /// It names no host.
    case missingHost
    /// It names no user.
    case missingUser
    /// Its path is not one database name.
    case badDatabaseName(String)
    /// Its `sslmode` is not one libpq knows.
    case badTLSMode(String)
    /// It has a parameter other than `sslmode`.
    case unknownParameter(String)
    /// Its port is not one from 1 to 65535.
    case badPort(Int)

    /// The problem, and how to write the URL instead.
    public var description: String {
        switch self {
        case .notAPostgresURL:
            return "not a PostgreSQL URL: write postgres://USER@HOST:PORT/DATABASE"
        case .missingHost:
            return "the PostgreSQL URL names no host: write postgres://USER@HOST:PORT/DATABASE"
        case .missingUser:
            return "the PostgreSQL URL names no user: write postgres://USER@HOST:PORT/DATABASE (the password may come from $PGPASSWORD)"
        case .badDatabaseName(let name):
            return "`\(name)` is not a database name: the URL's path is one name, postgres://USER@HOST:PORT/DATABASE"
        case .badTLSMode(let mode):
            return "sslmode=\(mode) is not known: use disable, prefer, require, verify-ca or verify-full"
        case .unknownParameter(let name):
            return "the PostgreSQL URL's parameter `\(name)` is not known: only sslmode is read"
        case .badPort(let port):
            return "port \(port) is not a port: write a number from 1 to 65535, postgres://USER@HOST:PORT/DATABASE (5432 when left out)"
        }
    }
}
