/// A date of birth as the RNIV wants it: a complete calendar date, plus a flag saying whether it was completed
/// from a partial date (unknown day → 01, unknown month → 01, both unknown → 31/12).
public struct BirthDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int
    /// True when the day, the month or both were unknown and completed by the RNIV rule.
    public let isIncomplete: Bool

    /// A complete date; throws when it does not exist in the calendar.
    public init(year: Int, month: Int, day: Int) throws(TraitError) {
        try self.init(year: year, knownMonth: month, knownDay: day)
    }

    /// A possibly partial date: `nil` (or 0) means unknown. Completion follows the RNIV rule.
    public init(year: Int, knownMonth: Int?, knownDay: Int?) throws(TraitError) {
        let month = knownMonth == 0 ? nil : knownMonth
        let day = knownDay == 0 ? nil : knownDay
        guard (1800...2200).contains(year) else { throw .impossibleDate(year: year, month: month, day: day) }
        let completedMonth: Int
        let completedDay: Int
        switch (month, day) {
        case (nil, nil): (completedMonth, completedDay) = (12, 31)
        case (nil, let day?): (completedMonth, completedDay) = (1, day)
        case (let month?, nil): (completedMonth, completedDay) = (month, 1)
        case (let month?, let day?): (completedMonth, completedDay) = (month, day)
        }
        guard (1...12).contains(completedMonth),
            (1...Self.daysIn(month: completedMonth, year: year)).contains(completedDay)
        else { throw .impossibleDate(year: year, month: month, day: day) }
        self.year = year
        self.month = completedMonth
        self.day = completedDay
        self.isIncomplete = month == nil || day == nil
    }

    /// Parses `YYYY-MM-DD`; `00` (or `XX`) marks an unknown day or month, and `YYYY-MM` / `YYYY` are accepted
    /// as partial dates.
    public init(iso text: String) throws(TraitError) {
        let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]) else {
            throw .unparsableDate(text)
        }
        func component(_ index: Int) throws(TraitError) -> Int? {
            guard index < parts.count else { return nil }
            let part = parts[index].uppercased()
            if part == "XX" || part == "00" { return nil }
            guard part.count == 2, part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part) else {
                throw .unparsableDate(text)
            }
            return value
        }
        try self.init(year: year, knownMonth: try component(1), knownDay: try component(2))
    }

    /// `JJ-MM-AAAA`, the DataMatrix form.
    public init(dataMatrix text: String) throws(TraitError) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4,
            let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2])
        else { throw .unparsableDate(text) }
        try self.init(year: year, month: month, day: day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD` (INSi, FHIR).
    public var iso: String { "\(year)-\(Self.pad(month))-\(Self.pad(day))" }
    /// `JJ-MM-AAAA` (DataMatrix).
    public var dataMatrix: String { "\(Self.pad(day))-\(Self.pad(month))-\(year)" }
    /// `JJ/MM/AAAA` (French display).
    public var french: String { "\(Self.pad(day))/\(Self.pad(month))/\(year)" }
    /// `YYYYMMDD` (HL7 v2, CDA).
    public var compact: String { "\(year)\(Self.pad(month))\(Self.pad(day))" }

    public var description: String { iso + (isIncomplete ? " (incomplete)" : "") }

    public static func < (lhs: BirthDate, rhs: BirthDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
