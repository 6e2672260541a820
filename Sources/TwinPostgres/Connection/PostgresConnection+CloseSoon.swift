import PostgresNIO

extension PostgresConnection {
    /// Closes the connection without waiting, keeping it alive until it is closed: PostgresNIO
    /// asserts that a connection is closed before it goes, and a caller that cannot await would
    /// otherwise drop it while the close is still under way.
    package func closeSoon() {
        close().whenComplete { _ in withExtendedLifetime(self) {} }
    }
}
