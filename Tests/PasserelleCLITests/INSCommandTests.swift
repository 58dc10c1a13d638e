import Foundation
import Testing

@Suite("passerelle ins …")
struct INSCommandTests {
    @Test("HERMANN's wrong key is reported (expected 76) with exit code 2, French sentence and English detail")
    func wrongKey() throws {
        let result = try CLIRunner.run(["ins", "matricule", "181036322045660", "--oid", "1.2.250.1.213.1.4.8"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("La clé du matricule INS est incorrecte : 60 au lieu de 76"))
        #expect(result.stderr.contains("does not match"))
    }

    @Test("a valid Corsican NIR is accepted with exit code 0")
    func corsican() throws {
        let result = try CLIRunner.run(["ins", "matricule", "297022A02077878", "--oid", "1.2.250.1.213.1.4.8"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("INS-NIR"))
        #expect(result.stdout.contains("correcte"))
    }

    @Test("an NSS OID is refused as INS with exit code 2")
    func nss() throws {
        let result = try CLIRunner.run(["ins", "matricule", "297022A02077878", "--oid", "1.2.250.1.213.1.4.13"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("numéro de sécurité sociale"))
    }

    @Test("--json gives a machine-readable answer")
    func json() throws {
        let result = try CLIRunner.run([
            "ins", "matricule", "109076322088835", "--oid", "1.2.250.1.213.1.4.9", "--json",
        ])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["type"] as? String == "INS-NIA")
        #expect(object?["keyValid"] as? Bool == true)
    }

    @Test("normalize transliterates and refuses with field and position")
    func normalize() throws {
        let ok = try CLIRunner.run(["ins", "normalize", "--nom", "D’ÆION", "--prenoms", "CŒUR"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("D'AEION"))
        #expect(ok.stdout.contains("COEUR"))
        let refused = try CLIRunner.run(["ins", "normalize", "--prenoms", "JEAN--PIERRE"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("position 6"))
    }

    static let exampleArguments = [
        "ins", "payload", "--matricule", "285037505612306", "--oid", "1.2.250.1.213.1.4.8", "--nom", "Dupont-Testeur",
        "--prenoms", "Marie-Claire Anne", "--sexe", "F", "--naissance", "1985-03-14", "--lieu", "75056",
    ]

    @Test("payload shows GS visibly, and --raw writes the exact bytes")
    func payload() throws {
        let visible = try CLIRunner.run(Self.exampleArguments)
        #expect(visible.status == 0)
        #expect(
            visible.stdout.trimmingCharacters(in: .newlines)
                == "IS010000000000000000000000S1285037505612306S21.2.250.1.213.1.4.8<GS>S3MARIE-CLAIRE ANNE<GS>S4DUPONT-TESTEUR<GS>S5FS614-03-1985S775056"
        )
        let raw = try CLIRunner.run(Self.exampleArguments + ["--raw"])
        #expect(raw.stdoutBytes.count == 124)
        #expect(raw.stdoutBytes.filter { $0 == 0x1D }.count == 3)
    }

    @Test("payload refuses a wrong key without writing anything on stdout")
    func payloadRefusal() throws {
        var arguments = Self.exampleArguments
        arguments[3] = "285037505612307"
        let result = try CLIRunner.run(arguments + ["--raw"])
        #expect(result.status == 2)
        #expect(result.stdoutBytes.isEmpty)
    }

    @Test("demo self-check prints the ready line")
    func demo() throws {
        let result = try CLIRunner.run(["demo"])
        #expect(result.status == 0)
        let last = try #require(result.stdout.split(separator: "\n").last)
        let object = try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any]
        #expect(object?["ready"] as? Bool == true)
    }
}
