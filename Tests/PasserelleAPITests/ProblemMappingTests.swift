import Foundation
import INS
import INSi
import IdentityStore
import Testing

@testable import PasserelleAPI

/// Bad input is a 4xx problem, a broken dependency a 5xx one: never a 500 for something the caller sent.
@Suite struct ProblemMappingTests {
    @Test(arguments: [
        (StoreError.notFound(id: "x"), 404), (.invalidInput(field: "f", reason: "r"), 400),
        (.traitsNotConfirmed, 409), (.unknownEvidenceKind("k"), 400), (.unavailable("db down"), 503),
    ])
    func storeErrorsGetTheirStatus(error: StoreError, status: Int) {
        #expect(ProblemMapping.problem(error).status == status)
    }

    @Test func insiTransportFailureIsUnavailableAndAFaultIsABadGateway() {
        #expect(ProblemMapping.problem(INSiError.transport("refused")).status == 503)
        #expect(ProblemMapping.problem(INSiError.malformedResponse("no body")).status == 502)
    }

    @Test func unknownErrorsAreClientErrorsWithAFrenchMessage() {
        struct Odd: Error {}
        let problem = ProblemMapping.problem(Odd())
        #expect(problem.status == 400)
        #expect(!problem.error.userMessage.isEmpty)
        #expect(problem.error.technicalDetail.contains("Odd"))
    }

    @Test func apiErrorsSpeakFrenchToPeopleAndEnglishToPrograms() {
        let error = APIError.notQualified(status: "PROV")
        #expect(error.userMessage.contains("qualifiée"))
        #expect(error.technicalDetail.contains("QUAL"))
        #expect(ProblemMapping.problem(error).status == 409)
    }

    @Test func insHistoryFragmentIsCopiedVerbatimWithItsPrefix() {
        let xml = "<a><ins:INSHISTO><ins:X>1</ins:X></ins:INSHISTO><ins:INSHISTO>2</ins:INSHISTO></a>"
        #expect(
            INSiResultBuilder.historyFragment(xml)
                == "<ins:INSHISTO><ins:X>1</ins:X></ins:INSHISTO>\n<ins:INSHISTO>2</ins:INSHISTO>")
        #expect(INSiResultBuilder.historyFragment("<a/>") == nil)
    }
}
