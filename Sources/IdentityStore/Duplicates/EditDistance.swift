/// Optimal-string-alignment distance (Levenshtein plus adjacent transposition) on ASCII keys, bounded: it
/// gives up once the answer exceeds `limit`, which keeps the duplicate scan cheap on long names.
enum EditDistance {
    static func within(_ a: String, _ b: String, limit: Int) -> Bool {
        distance(Array(a.utf8), Array(b.utf8), limit: limit) <= limit
    }

    static func distance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// Typos tolerated for a key of this length: none for very short names, one up to 7 letters, two beyond.
    static func tolerance(_ key: String) -> Int {
        switch key.utf8.count {
        case 0...3: 0
        case 4...7: 1
        default: 2
        }
    }
}
