import Testing

@testable import PasserelleConfiguration

@Suite struct YAMLKeyScannerTests {
    @Test func blockAndFlowMappingsCommentsAndSequences() {
        let entries = YAMLKeyScanner.scan(
            """
            # comment
            insi:
              mode: mtls   # trailing comment
              "quoted": 'a # not a comment'
              lps: {idam: "x, y", nested: {deep: 1}}
              list:
                - a
                - b
              text: |
                key: not a key
            broker: {
              port: 4747 }
            """)
        let paths = entries.map(\.path)
        #expect(
            paths == [
                "insi", "insi.mode", "insi.quoted", "insi.lps", "insi.lps.idam", "insi.lps.nested",
                "insi.lps.nested.deep", "insi.list", "insi.text", "broker", "broker.port",
            ])
        #expect(entries.first { $0.path == "insi.list" }?.isMapping == false)
        #expect(entries.first { $0.path == "insi.lps" }?.isMapping == true)
        #expect(entries.first { $0.path == "insi.mode" }?.line == 3)
    }
}
