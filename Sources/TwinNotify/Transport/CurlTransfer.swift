import CCurl
import Foundation
import Synchronization
import TwinConfiguration

/// One request in flight on the multi loop: its easy handle, the C memory curl writes into, and
/// the continuation of the task waiting for it.
///
/// Only the loop's thread touches the handle and the buffers; other threads only set
/// `isCancelled`. That is why the class is `@unchecked Sendable`.
final class CurlTransfer: @unchecked Sendable {
    let request: OutboundRequest
    private let continuation: CheckedContinuation<Result<OutboundResponse, TransportError>, Never>
    private let cancelled = Atomic<Bool>(false)
    private(set) var easy: UnsafeMutableRawPointer?
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var body = Data()
    private var headers: [HTTPHeader] = []
    private var resumed = false
    /// How much of a mail's message curl has read.
    private var uploaded = 0

    init(request: OutboundRequest, continuation: CheckedContinuation<Result<OutboundResponse, TransportError>, Never>) {
        self.request = request
        self.continuation = continuation
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        if let easy { curl_easy_cleanup(easy) }
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// Asks the loop to drop the request (from any thread).
    func cancel() { cancelled.store(true, ordering: .relaxed) }

    /// Whether `cancel()` was called.
    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    /// Creates and configures the easy handle; on failure the transfer is finished with the
    /// error and `nil` is returned.
    func makeHandle() -> UnsafeMutableRawPointer? {
        guard let easy = curl_easy_init() else {
            finish(.failure(.unavailable("libcurl could not create a request handle (out of memory?)")))
            return nil
        }
        self.easy = easy
        let context = Unmanaged.passUnretained(self).toOpaque()
        var code = CURLE_OK
        func set(_ result: CURLcode) { if code == CURLE_OK { code = result } }
        set(jt_easy_setopt_string(easy, CURLOPT_URL, request.url))
        // Signals must not be used for timeouts in a multi-threaded process.
        set(jt_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1))
        set(jt_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1))
        set(jt_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2))
        set(jt_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout)))
        set(jt_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout)))
        set(jt_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1))
        set(jt_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer)))
        if let mail = request.mail {
            configureMail(easy, mail, context: context, set: set)
        } else {
            configureHTTP(easy, context: context, set: set)
        }
        guard code == CURLE_OK else {
            finish(.failure(.unavailable("libcurl refused an option (\(String(cString: curl_easy_strerror(code)))); it may be older than 7.68")))
            return nil
        }
        return easy
    }

    /// The options of an HTTP request: http(s) only, no redirects, the headers and the body.
    private func configureHTTP(_ easy: UnsafeMutableRawPointer, context: UnsafeMutableRawPointer, set: (CURLcode) -> Void) {
        // Only http and https: a configured URL can never make curl read a file or speak
        // another protocol, also not through a redirect (which is not followed anyway).
        set(jt_easy_allow_http_only(easy))
        set(jt_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0))
        set(jt_easy_setopt_string(easy, CURLOPT_USERAGENT, CurlTransport.userAgent))
        set(jt_easy_setopt_callback(easy, CURLOPT_WRITEFUNCTION, curlWriteBody))
        set(jt_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context))
        set(jt_easy_setopt_callback(easy, CURLOPT_HEADERFUNCTION, curlWriteHeader))
        set(jt_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context))
        // `Expect: 100-continue` would cost a round trip (or a second's wait) per post.
        var list = curl_slist_append(nil, "Expect:")
        for field in request.headers where Self.isSafeHeader(field) {
            list = curl_slist_append(list, "\(field.name): \(field.value)")
        }
        headerList = list
        set(jt_easy_setopt_slist(easy, CURLOPT_HTTPHEADER, list))
        switch request.method {
        case "GET":
            set(jt_easy_setopt_long(easy, CURLOPT_HTTPGET, 1))
        default:
            set(jt_easy_setopt_off(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)))
            request.body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies the body, so it need not outlive this call.
                if let pointer = bytes.baseAddress?.assumingMemoryBound(to: CChar.self) {
                    set(jt_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, pointer))
                } else {
                    set(jt_easy_setopt_string(easy, CURLOPT_COPYPOSTFIELDS, ""))
                }
            }
            if request.method != "POST" { set(jt_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, request.method)) }
        }
    }

    /// The options of an SMTP submission: smtp(s) only, STARTTLS when offered (required for
    /// `smtps://`), the login, the envelope, and the message uploaded from `request.body`.
    private func configureMail(_ easy: UnsafeMutableRawPointer, _ mail: MailEnvelope, context: UnsafeMutableRawPointer,
                               set: (CURLcode) -> Void) {
        set(jt_easy_allow_smtp_only(easy))
        let tls = mail.requiresTLS ? CURLUSESSL_ALL : CURLUSESSL_TRY
        set(jt_easy_setopt_long(easy, CURLOPT_USE_SSL, Int(tls.rawValue)))
        if let user = mail.user { set(jt_easy_setopt_string(easy, CURLOPT_USERNAME, user.value)) }
        if let password = mail.password { set(jt_easy_setopt_string(easy, CURLOPT_PASSWORD, password.value)) }
        set(jt_easy_setopt_string(easy, CURLOPT_MAIL_FROM, "<\(mail.from)>"))
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for recipient in mail.recipients { list = curl_slist_append(list, "<\(recipient)>") }
        headerList = list
        set(jt_easy_setopt_slist(easy, CURLOPT_MAIL_RCPT, list))
        set(jt_easy_setopt_long(easy, CURLOPT_UPLOAD, 1))
        set(jt_easy_setopt_off(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(request.body.count)))
        set(jt_easy_setopt_callback(easy, CURLOPT_READFUNCTION, curlReadBody))
        set(jt_easy_setopt_pointer(easy, CURLOPT_READDATA, context))
    }

    /// Copies the next bytes of the message into curl's buffer; 0 at the end.
    func readBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, request.body.count - uploaded)
        guard count > 0 else { return 0 }
        request.body.withUnsafeBytes { bytes in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[uploaded..<(uploaded + count)]))
        }
        uploaded += count
        return count
    }

    /// Whether a header can be sent as one line (no CR or LF that would inject another).
    private static func isSafeHeader(_ field: HTTPHeader) -> Bool {
        !field.name.isEmpty && !field.name.contains(":")
            && !(field.name + field.value).unicodeScalars.contains { $0 == "\r" || $0 == "\n" }
    }

    private static func milliseconds(_ seconds: Double) -> Int {
        max(1, Int((seconds * 1000).rounded()))
    }

    /// Appends received body bytes, up to the limit (the rest is read and dropped).
    func appendBody(_ bytes: UnsafeRawBufferPointer) {
        let room = CurlTransport.maxBodyBytes - body.count
        if room > 0 { body.append(contentsOf: bytes.prefix(room)) }
    }

    /// Takes one header line; a new status line (after a 1xx answer) starts the headers afresh.
    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = []
            return
        }
        guard let colon = line.firstIndex(of: ":"), headers.count < 100 else { return }
        headers.append(HTTPHeader(String(line[..<colon]).trimmingCharacters(in: .whitespaces),
                                 String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
    }

    /// Finishes the transfer after curl reported `code` for it.
    func complete(_ code: CURLcode) {
        guard let easy else { return }
        var status = 0
        _ = jt_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        // An SMTP server that refused (4xx, 5xx) answered: that is a response to classify, not a
        // transport failure. Its words are kept as the body.
        if request.mail != nil, code != CURLE_OK, status >= 400 {
            finish(.success(OutboundResponse(status: status, headers: [], body: Data(detail(code).utf8))))
            return
        }
        if code == CURLE_OK {
            if request.mail != nil, status < 200 || status >= 300 { status = 250 }
            var connects = 0
            _ = jt_easy_getinfo_long(easy, CURLINFO_NUM_CONNECTS, &connects)
            finish(.success(OutboundResponse(status: status, headers: headers, body: body, newConnections: connects)))
            return
        }
        var connectTime: curl_off_t = 0
        _ = jt_easy_getinfo_off(easy, CURLINFO_CONNECT_TIME_T, &connectTime)
        var error = CurlErrorMapping.error(for: code, detail: detail(code), request: request, connected: connectTime > 0)
        // The HTTP wording of a protocol error (check the webhook URL) would mislead for SMTP.
        if request.mail != nil, case .protocolError(let endpoint, let words) = error {
            error = .curl(endpoint: endpoint, code: Int(code.rawValue), detail: words)
        }
        finish(.failure(error))
    }

    /// Resumes the waiting task, once.
    func finish(_ result: Result<OutboundResponse, TransportError>) {
        guard !resumed else { return }
        resumed = true
        continuation.resume(returning: result)
    }

    /// curl's own words for the error, without the URL should they ever contain it.
    private func detail(_ code: CURLcode) -> String {
        var text = String(cString: errorBuffer).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { text = String(cString: curl_easy_strerror(code)) }
        return text.replacingOccurrences(of: request.url, with: request.displayURL)
    }
}

/// `CURLOPT_WRITEFUNCTION`: body bytes arrive.
private let curlWriteBody: jt_data_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        .appendBody(UnsafeRawBufferPointer(start: data, count: length))
    return length
}

/// `CURLOPT_READFUNCTION`: curl wants the next bytes of a mail.
private let curlReadBody: jt_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        .readBody(into: UnsafeMutableRawBufferPointer(start: data, count: size * count))
}

/// `CURLOPT_HEADERFUNCTION`: one header line arrives.
private let curlWriteHeader: jt_data_callback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
        .appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
    return length
}
