/// A PDF dictionary that keeps the order of its keys so that what we write back is stable and diffable.
struct PDFDictionary: Equatable, Sendable {
    private(set) var entries: [(key: PDFName, value: PDFObject)] = []

    init() {}

    init(_ pairs: [(PDFName, PDFObject)]) {
        for (key, value) in pairs {
            self[key] = value
        }
    }

    subscript(key: PDFName) -> PDFObject? {
        get {
            entries.first { $0.key == key }?.value
        }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue {
                    entries[index].value = newValue
                } else {
                    entries.remove(at: index)
                }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    var keys: [PDFName] {
        entries.map(\.key)
    }

    static func == (lhs: PDFDictionary, rhs: PDFDictionary) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
