import Foundation
import INS

extension IdentityDatabase {
    public func attachINSiResult(_ id: UUID, _ result: INSiResult, actor: String) async throws(StoreError)
        -> IdentityRecord
    {
        // Judge the returned matricule before touching anything: the verdict decides what is stored.
        let verdict = Self.judge(result)
        let outcome = try await backend.write(loading: [id]) { context throws(StoreError) in
            var record = try context.identity(id)
            if case .failure(let refusal) = record.state.apply(.insiCallRequested) { throw .refused(refusal) }
            var plan = WritePlan()
            let call = Self.callRecord(
                result.call, identity: id, outcome: verdict.outcome, actor: actor, at: context.now)
            plan.insiCalls.append(call)
            var failure: StoreError?
            switch verdict {
            case .keyMismatch(let given, let expected):
                plan.insertedWorkItems.append(
                    WorkListItem(
                        id: UUID(), identityID: id, kind: .insiKeyMismatch,
                        detail: "INSi returned key \(given), expected \(expected) (MessageID \(result.call.messageID))",
                        createdAt: context.now))
                failure = .matriculeKeyMismatch(given: given, expected: expected)
            case .unusable(let error):
                failure = error
            case .noIdentity:
                break
            case .identity(let ins):
                guard result.operatorConfirmedTraits else {
                    failure = .traitsNotConfirmed
                    break
                }
                try plan.apply(.insiIdentityConfirmed, to: &record, actor: actor, now: context.now)
                if let returned = result.returnedTraits {
                    record.traits = Traits(
                        nomNaissance: returned.nomNaissance, prenoms: returned.prenoms, sexe: returned.sexe,
                        naissance: returned.naissance, lieuNaissance: returned.lieuNaissance)
                    record.normalized = returned
                }
                record.ins = ins
                record.insiHistory = result.history ?? record.insiHistory
            }
            record.version += 1
            record.updatedAt = context.now
            plan.finish(
                record, inserted: false, action: .insiCall, actor: actor,
                summary: "INSi \(result.call.operation) \(verdict.outcome.rawValue) CR \(result.call.resultCode ?? "-")"
            )
            return (plan, (record, failure))
        }
        if let failure = outcome.1 { throw failure }
        return outcome.0
    }

    public func recordVerification(_ id: UUID, succeeded: Bool, call: INSiCallTrace, actor: String)
        async throws(StoreError) -> IdentityRecord
    {
        try await backend.write(loading: [id]) { context throws(StoreError) in
            var record = try context.identity(id)
            var plan = WritePlan()
            plan.insiCalls.append(
                Self.callRecord(
                    call, identity: id, outcome: succeeded ? .verificationOK : .verificationKO, actor: actor,
                    at: context.now))
            try plan.apply(
                succeeded ? .verificationSucceeded : .verificationFailed, to: &record, actor: actor, now: context.now,
                detail: "MessageID \(call.messageID)")
            record.version += 1
            record.updatedAt = context.now
            plan.finish(
                record, inserted: false, action: .insiCall, actor: actor,
                summary: "INSi verification \(succeeded ? "OK" : "KO")")
            return (plan, record)
        }
    }

    enum Verdict {
        case identity(INSIdentifier)
        case noIdentity
        case keyMismatch(given: Int, expected: Int)
        case unusable(StoreError)

        var outcome: INSiCallRecord.Outcome {
            switch self {
            case .identity: .found
            case .noIdentity: .notFound
            case .keyMismatch: .keyMismatch
            case .unusable: .fault
            }
        }
    }

    static func judge(_ result: INSiResult) -> Verdict {
        guard result.call.fault == nil, result.call.resultCode == "00", let text = result.matricule,
            let oidText = result.oid
        else { return .noIdentity }
        let inspection: MatriculeInspection
        do { inspection = try MatriculeInspection(text) } catch { return .unusable(.invalidINS(.matricule(error))) }
        guard inspection.isKeyValid else {
            return .keyMismatch(given: inspection.givenKey, expected: inspection.expectedKey)
        }
        do { return .identity(try INSIdentifier(matricule: text, oid: oidText)) } catch {
            return .unusable(.invalidINS(error))
        }
    }

    static func callRecord(
        _ call: INSiCallTrace, identity: UUID?, outcome: INSiCallRecord.Outcome, actor: String, at: Timestamp
    ) -> INSiCallRecord {
        INSiCallRecord(
            id: UUID(), identityID: identity, mode: call.mode, operation: call.operation, messageID: call.messageID,
            requestXML: call.requestXML, responseXML: call.responseXML, resultCode: call.resultCode, fault: call.fault,
            durationMilliseconds: call.durationMilliseconds, operatorID: actor, outcome: outcome, at: at)
    }
}
