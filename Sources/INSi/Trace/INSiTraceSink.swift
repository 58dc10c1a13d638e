/// Where every INSi call goes, success or failure. The identity store implements it (transactionally, with the
/// identity); `InMemoryTraceSink` and `JSONLinesTraceSink` are the stand-alone implementations.
///
/// If `record` throws, the client refuses to use the answer (`INSiError.traceNotStored`): an untraced INSi result
/// must not reach an identity.
public protocol INSiTraceSink: Sendable {
    func record(_ trace: INSiTrace) async throws
}
