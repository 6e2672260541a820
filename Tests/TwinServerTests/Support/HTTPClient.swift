import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
import JobTwinTestSupport
#endif

/// A minimal HTTP client for the tests, on URLSession: sends raw bytes, returns status,
/// headers and body without interpreting them.
struct HTTPClient: Sendable {
    /// A response as received.
    struct Response: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        /// The body as text.
        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body parsed as a JSON object (empty when it is not one).
        var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        /// A header, by case-insensitive name.
        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }
    }

    let base: URL
    private let session: URLSession

    init(port: Int) {
        base = URL(string: "http://127.0.0.1:\(port)") ?? URL(fileURLWithPath: "/")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 64
        configuration.timeoutIntervalForRequest = 30
        session = URLSession(configuration: configuration)
    }

    /// Sends one request.
    func send(_ method: String, _ path: String, headers: [String: String] = [:], body: Data? = nil) async throws -> Response {
        var request = URLRequest(url: base.appendingPathComponent(path))
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestFailure("not an HTTP response") }
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name] = value }
        }
        return Response(status: http.statusCode, headers: fields, body: data)
    }

    /// Posts a JSON value.
    func postJSON(_ path: String, _ object: [String: Any], headers: [String: String] = [:]) async throws -> Response {
        var all = headers
        all["Content-Type"] = "application/json"
        return try await send("POST", path, headers: all, body: try JSONSerialization.data(withJSONObject: object))
    }
}
