import Yams

/// Where `jobtwin serve` listens and how much it accepts: the `server:` part of the
/// configuration.
public struct ServerSettings: Sendable, Hashable {
    /// The address to listen on; the default only accepts connections from this machine.
    public var host: String = "127.0.0.1"
    /// The TCP port; 0 lets the system choose a free one (tests).
    public var port: Int = 8080
    /// The largest request body accepted; larger ones get 413 before anything reads them.
    public var maxBodyBytes: Int = 64 * 1024
    /// The per-participant rate limit.
    public var rateLimit = RateLimitSettings()

    /// The defaults: 127.0.0.1:8080, 64 KiB bodies, 60 messages a minute per participant.
    public init() {}

    /// Reads the `server:` mapping over the defaults.
    static func read(_ node: Node, at location: (Node) -> String) throws(ConfigurationError) -> ServerSettings {
        var settings = ServerSettings()
        guard case .mapping(let mapping) = node else {
            throw .invalid(location(node), "`server:` is a mapping such as {host: 127.0.0.1, port: 8080}")
        }
        for (keyNode, value) in mapping {
            switch keyNode.string ?? "" {
            case "host":
                guard let host = value.string, !host.isEmpty, !host.contains(" ") else {
                    throw .invalid(location(keyNode), "`host:` is an address to listen on, such as 127.0.0.1 or 0.0.0.0")
                }
                settings.host = host
            case "port":
                guard let port = value.int, (0...65_535).contains(port) else {
                    throw .invalid(location(keyNode), "`port:` is a TCP port from 0 to 65535")
                }
                settings.port = port
            case "max_body_bytes":
                guard let bytes = value.int, (1_024...(16 << 20)).contains(bytes) else {
                    throw .invalid(location(keyNode), "`max_body_bytes:` is a number of bytes from 1024 to 16777216")
                }
                settings.maxBodyBytes = bytes
            case "rate_limit":
                settings.rateLimit = try readRateLimit(value, keyNode: keyNode, at: location)
            case let key:
                throw .invalid(location(keyNode), "unknown setting `server.\(key)` (known: host, port, max_body_bytes, rate_limit)")
            }
        }
        return settings
    }

    private static func readRateLimit(_ node: Node, keyNode: Node, at location: (Node) -> String) throws(ConfigurationError) -> RateLimitSettings {
        guard case .mapping(let mapping) = node else {
            throw .invalid(location(keyNode), "`rate_limit:` is a mapping such as {per_minute: 60, burst: 20}")
        }
        var limit = RateLimitSettings()
        for (keyNode, value) in mapping {
            switch keyNode.string ?? "" {
            case "per_minute":
                guard let number = value.int, number >= 0 else {
                    throw .invalid(location(keyNode), "`per_minute:` is a whole number of messages, 0 for no limit")
                }
                limit.perMinute = number
            case "burst":
                guard let number = value.int, number >= 1 else {
                    throw .invalid(location(keyNode), "`burst:` is a whole number of messages, at least 1")
                }
                limit.burst = number
            case let key:
                throw .invalid(location(keyNode), "unknown setting `server.rate_limit.\(key)` (known: per_minute, burst)")
            }
        }
        return limit
    }
}
