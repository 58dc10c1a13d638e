import INSTagging

/// The spec's example payload (spec/datamatrix.md §1), built byte by byte here rather than by the INS module.
enum TestPayload {
    static let groupSeparator: UInt8 = 0x1D

    static let example: [UInt8] = {
        var bytes = Array("IS010000000000000000000000S1285037505612306S21.2.250.1.213.1.4.8".utf8)
        bytes.append(groupSeparator)
        bytes += Array("S3MARIE-CLAIRE ANNE".utf8)
        bytes.append(groupSeparator)
        bytes += Array("S4DUPONT-TESTEUR".utf8)
        bytes.append(groupSeparator)
        bytes += Array("S5FS614-03-1985S775056".utf8)
        return bytes
    }()

    static let lines: [LabelLine] = [
        .nomDeNaissance("DUPONT-TESTEUR"),
        .prenoms("MARIE-CLAIRE ANNE"),
        .sexe("F"),
        .dateDeNaissance("14/03/1985"),
        .lieuDeNaissance(cog: "75056"),
        LabelLine(caption: "INS (NIR)", value: "2 85 03 75 056 123 06"),
    ]
}
