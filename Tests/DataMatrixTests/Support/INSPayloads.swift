/// INS DataMatrix payloads built in the tests from the facts of spec/datamatrix.md (GS is 0x1D).
enum INSPayloads {
    static let groupSeparator: UInt8 = 0x1D
    static let header = "IS010000000000000000000000"

    static func payload(fields: [(String, String, variable: Bool, maximum: Int)]) -> [UInt8] {
        var bytes = Array(header.utf8)
        for (index, field) in fields.enumerated() {
            bytes += Array(field.0.utf8) + Array(field.1.utf8)
            let isLast = index == fields.count - 1
            if field.variable && field.1.utf8.count < field.maximum && !isLast { bytes.append(groupSeparator) }
        }
        return bytes
    }

    static func payload(
        matricule: String, oid: String, prenoms: String, nom: String, sexe: String, naissance: String, lieu: String?
    ) -> [UInt8] {
        var fields: [(String, String, variable: Bool, maximum: Int)] = [
            ("S1", matricule, false, 15), ("S2", oid, true, 20), ("S3", prenoms, true, 100), ("S4", nom, true, 100),
            ("S5", sexe, false, 1), ("S6", naissance, false, 10),
        ]
        if let lieu { fields.append(("S7", lieu, false, 5)) }
        return payload(fields: fields)
    }

    static let example = payload(
        matricule: "285037505612306", oid: "1.2.250.1.213.1.4.8", prenoms: "MARIE-CLAIRE ANNE",
        nom: "DUPONT-TESTEUR", sexe: "F", naissance: "14-03-1985", lieu: "75056")

    static let worstCase = payload(
        matricule: "285037505612306", oid: "1.2.250.1.213.1.4.10",
        prenoms: String(repeating: "JEAN-MARIE ", count: 9) + String(repeating: "A", count: 1),
        nom: String(repeating: "DE LA TESTEUR-", count: 7) + "XX", sexe: "M", naissance: "01-01-1970", lieu: "99352")

    static let exampleReferenceData: [UInt8] = numbers(
        """
        230 142 133 31 229 25 165 25 165 25 165 25 165 25 165 25 165 25 193 254 142 215 133 205 135 191 153 136 84 151 \
        47 51 47 155 49 47 50 47 151 52 47 50 47 230 50 54 75 30 201 51 92 111 112 181 103 247 142 107 21 12 171 145 \
        186 73 111 174 179 90 8 66 117 162 117 240 4 169 59 89 254 191 53 46 133 46 149 215 84 207 180 186 129 176 71 \
        221 116 12 162 57 207 102 252 148 43 193 88 238 134 29 179 74 224 119 15 165
        """)

    static let exampleReferenceErrors: [UInt8] = numbers(
        """
        151 69 243 1 177 32 167 91 1 90 36 188 243 45 100 62 110 238 22 254 48 97 80 185 85 45 163 210 113 136 107 \
        195 92 187 63 66 180 10 171 202 83 71 241 62 233 171 1 14
        """)

    static func numbers(_ text: String) -> [UInt8] {
        text.split(separator: " ").compactMap { UInt8($0) }
    }
}
