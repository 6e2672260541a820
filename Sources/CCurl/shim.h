#ifndef JOBTWIN_CCURL_SHIM_H
#define JOBTWIN_CCURL_SHIM_H

// libcurl for Swift. `curl_easy_setopt`, `curl_easy_getinfo` and `curl_multi_setopt` are
// variadic C functions, which Swift cannot call; these typed wrappers pass exactly one argument
// of the type each option expects, so that a wrong type is a compile error instead of
// undefined behaviour at run time.

#include <curl/curl.h>

/// Sets an option that takes a `long` (timeouts, flags, sizes).
static inline CURLcode jt_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a `curl_off_t` (the `_LARGE` sizes).
static inline CURLcode jt_easy_setopt_off(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a C string; libcurl copies strings (since 7.17).
static inline CURLcode jt_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes an opaque pointer (`CURLOPT_WRITEDATA`, `CURLOPT_PRIVATE`, the
/// error buffer).
static inline CURLcode jt_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets a header list (`CURLOPT_HTTPHEADER`); the list must outlive the transfer.
static inline CURLcode jt_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

/// The shape of `CURLOPT_WRITEFUNCTION` and `CURLOPT_HEADERFUNCTION` callbacks.
typedef size_t (*jt_data_callback)(char *data, size_t size, size_t count, void *context);

/// Sets a data callback (`CURLOPT_WRITEFUNCTION`, `CURLOPT_HEADERFUNCTION`).
static inline CURLcode jt_easy_setopt_callback(CURL *handle, CURLoption option, jt_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

/// Reads a `long` (the response code, counts).
static inline CURLcode jt_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Reads a `curl_off_t` (the `_T` timings, in microseconds).
static inline CURLcode jt_easy_getinfo_off(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Reads a pointer (`CURLINFO_PRIVATE`).
static inline CURLcode jt_easy_getinfo_pointer(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/// Sets a multi option that takes a `long` (connection limits, pipelining).
static inline CURLMcode jt_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

/// The result code of a finished transfer in a `CURLMsg` (a C union Swift reads awkwardly).
static inline CURLcode jt_msg_result(const CURLMsg *message) {
    return message->data.result;
}

/// Whether a `CURLMsg` says a transfer is done.
static inline int jt_msg_is_done(const CURLMsg *message) {
    return message->msg == CURLMSG_DONE;
}

/// Allows only http and https on `handle`, with the option the installed libcurl knows
/// (`CURLOPT_PROTOCOLS_STR` since 7.85, the bit mask before).
static inline CURLcode jt_easy_allow_http_only(CURL *handle) {
#if LIBCURL_VERSION_NUM >= 0x075500
    return curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    return curl_easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

/// Allows only smtp and smtps on `handle`: a mail can never be sent over another protocol.
static inline CURLcode jt_easy_allow_smtp_only(CURL *handle) {
#if LIBCURL_VERSION_NUM >= 0x075500
    return curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
    return curl_easy_setopt(handle, CURLOPT_PROTOCOLS, (long)(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
}

/// Initialises libcurl once per process (`CURL_GLOBAL_DEFAULT`: TLS included); the caller
/// makes sure it runs once, before any other curl call.
static inline CURLcode jt_global_init(void) {
    return curl_global_init(CURL_GLOBAL_DEFAULT);
}

#endif
