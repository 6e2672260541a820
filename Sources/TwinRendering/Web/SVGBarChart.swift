import Foundation

/// A horizontal bar chart drawn on the server as inline SVG — no chart library and no script in
/// the browser: one bar per row with its value beside it, and guideline marks (dashed lines
/// with their label) where the programme sets a norm; or a funnel, its bars centred. The chart is an image for screen readers
/// (`role="img"`, named by its `<title>`); the table beside it carries the same numbers.
struct SVGBarChart {
    /// One bar.
    struct Bar {
        /// What the bar is, shortened in the chart when long (the table has it whole).
        var label: String
        /// Its length.
        var value: Double
        /// The value as written beside the bar ("7", "21,5").
        var shown: String
    }

    /// A norm drawn across the bars.
    struct Mark {
        /// Where, on the value axis.
        var value: Double
        /// What it says ("6", "20 uur").
        var label: String
    }

    /// The chart's name: its `<title>`, read as the image's name.
    var title: String
    /// The id of the `<title>` element, unique on the page.
    var id: String
    /// The bars, top to bottom.
    var bars: [Bar]
    /// The norms drawn across them.
    var marks: [Mark] = []
    /// Bars centred on the plot's middle, a funnel (the participants per phase), not started at its left.
    var isFunnel = false

    // Narrow on purpose: at 360 px the chart is drawn at nearly its own size, so its text stays readable.
    private static let width = 380.0
    private static let labelWidth = 140.0
    private static let rowHeight = 30.0
    private static let top = 24.0

    /// Writes the chart.
    func write(into html: inout HTMLWriter) {
        let height = Self.top + Double(max(bars.count, 1)) * Self.rowHeight + 8
        let largest = max(bars.map(\.value).max() ?? 0, marks.map(\.value).max() ?? 0, 1)
        // Room for the value written after the longest bar.
        let scale = (Self.width - Self.labelWidth - 44) / largest
        html.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("role", "img"),
                             ("aria-labelledby", id), ("viewBox", "0 0 \(Int(Self.width)) \(Int(height))")]) { html in
            html.element("title", [("id", id)], text: title)
            for (index, bar) in bars.enumerated() {
                let y = Self.top + Double(index) * Self.rowHeight
                let length = max(bar.value * scale, bar.value > 0 ? 2 : 0)
                let x = isFunnel ? Self.labelWidth + (largest * scale - length) / 2 : Self.labelWidth
                html.element("text", [("class", "label"), ("x", number(Self.labelWidth - 8)), ("y", number(y + 19)),
                                      ("text-anchor", "end")], text: Self.shortened(bar.label))
                html.void("rect", [("class", "bar"), ("x", number(x)), ("y", number(y + 5)),
                                   ("width", number(length)), ("height", number(Self.rowHeight - 10))])
                html.element("text", [("class", "value"), ("x", number(x + length + 6)), ("y", number(y + 19))],
                             text: bar.shown)
            }
            for mark in marks {
                let x = Self.labelWidth + mark.value * scale
                html.void("line", [("class", "guide"), ("x1", number(x)), ("x2", number(x)), ("y1", "16"), ("y2", number(height - 4))])
                html.element("text", [("class", "guide-label"), ("x", number(x)), ("y", "13"), ("text-anchor", "middle")], text: mark.label)
            }
        }
    }

    private func number(_ value: Double) -> String {
        WebQuestionForm.number((value * 10).rounded() / 10) ?? "0"
    }

    /// A label that fits beside the bars: the part before an explanation ("Gastles — bijvoorbeeld
    /// …" is "Gastles"), at most 15 characters.
    static func shortened(_ label: String) -> String {
        let head = label.range(of: " — ").map { String(label[..<$0.lowerBound]) } ?? label
        return head.count > 15 ? String(head.prefix(14)) + "…" : head
    }
}
