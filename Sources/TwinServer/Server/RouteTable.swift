import Hummingbird

/// The endpoints being served, by path: which methods each accepts and which channel it
/// belongs to — to answer 405 (not 404) for a wrong method on a served path, and to label
/// metrics and logs by channel without a label per arbitrary path.
struct RouteTable: Sendable {
    /// One served path.
    struct Route: Sendable {
        let methods: [HTTPRequest.Method]
        let channel: String
    }

    private(set) var routes: [String: Route] = [:]
    /// Paths served under a prefix with a parameter (`/chat/TOKEN`), longest prefix first.
    private(set) var prefixes: [(prefix: String, route: Route)] = []

    /// Records that `path` answers `method` for `channel`.
    mutating func add(_ path: String, _ method: HTTPRequest.Method, channel: String) {
        let methods = (routes[path]?.methods ?? []) + [method]
        routes[path] = Route(methods: methods, channel: channel)
    }

    /// Records that every path under `prefix` (ending in `/`) answers `method` for `channel`.
    mutating func add(prefix: String, _ method: HTTPRequest.Method, channel: String) {
        prefixes.append((prefix, Route(methods: [method], channel: channel)))
        prefixes.sort { $0.prefix.count > $1.prefix.count }
    }

    /// The route at `path`, ignoring one trailing slash.
    func route(for path: String) -> Route? {
        routes[path] ?? (path.count > 1 && path.hasSuffix("/") ? routes[String(path.dropLast())] : nil)
            ?? prefixes.first { path.hasPrefix($0.prefix) && path.count > $0.prefix.count }?.route
    }
}
