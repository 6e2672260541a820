public import Logging
public import TwinConfiguration
public import PostgresNIO
import NIOSSL

/// Opens connections to the database a `PostgresLocation` names, with the encryption its
/// `sslmode` asks for.
public struct PostgresConnector: Sendable {
    /// The database.
    public let location: PostgresLocation
    private let logger: Logger

    /// A connector for `location`; `logger` gets PostgresNIO's own messages.
    public init(location: PostgresLocation, logger: Logger = Logger(label: "jobtwin.postgres")) {
        self.location = location
        self.logger = logger
    }

    /// A new connection; close it when done.
    ///
    /// - Throws: `PostgresStoreError.cannotConnect`, naming the database without its password.
    public func connect(id: Int = 1) async throws(PostgresStoreError) -> PostgresConnection {
        do {
            return try await PostgresConnection.connect(configuration: try configuration(), id: id, logger: logger)
        } catch {
            throw .cannotConnect(location: location.description, reason: PostgresStoreError.describe(error))
        }
    }

    /// A new connection, waited for on the calling thread: for the store's own threads, which
    /// wait for every answer (never call it from Swift's cooperative threads or an event loop).
    ///
    /// - Throws: `PostgresStoreError.cannotConnect`, naming the database without its password.
    public func connectWaiting(id: Int = 1) throws(PostgresStoreError) -> PostgresConnection {
        do {
            return try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(), configuration: try configuration(),
                                                  id: id, logger: logger).wait()
        } catch {
            throw .cannotConnect(location: location.description, reason: PostgresStoreError.describe(error))
        }
    }

    private func configuration() throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                             password: location.password, database: location.database,
                                                             tls: try Self.tls(location.tls))
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    private static func tls(_ mode: PostgresLocation.TLSMode) throws -> PostgresConnection.Configuration.TLS {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case .disable:
            return .disable
        case .prefer, .require:
            // As libpq: encrypted, the certificate not checked (verify-ca and verify-full check it).
            configuration.certificateVerification = .none
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
        }
        let context = try NIOSSLContext(configuration: configuration)
        return mode == .prefer ? .prefer(context) : .require(context)
    }
}
