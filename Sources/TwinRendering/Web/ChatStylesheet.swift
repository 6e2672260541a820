/// The chat page's stylesheet (`chat.css`). Contrast AA or better for every colour pair (text
/// at least 4.5:1, borders and focus at least 3:1 against white), a focus ring on everything
/// that takes focus, targets of at least 44 px high (WCAG asks 24), and one column in `rem`
/// that reflows at 360 px width and at 200 % or 400 % zoom without scrolling sideways.
enum ChatStylesheet {
    static let css = #"""
    /* JobTwin web chat. Colours: text #1a1a1a, muted #4d4d4d, accent #0a4f9c, focus #b0005a on #fff. */
    *,*::before,*::after{box-sizing:border-box}
    html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
    body{margin:0;background:#fff;color:#1a1a1a;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;overflow-wrap:anywhere}
    .bar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.5rem 1rem;border-bottom:1px solid #767676}
    .brand{margin:0 auto 0 0;font-weight:700}
    .bar form{display:flex;flex-wrap:wrap;gap:.25rem;margin:0}
    main{display:block;max-width:42rem;margin:0 auto;padding:1rem}
    main:focus{outline:none}
    h1{font-size:1.25rem;margin:0 0 .25rem}
    .progress{margin:0 0 1rem;color:#4d4d4d}
    .history{list-style:none;margin:0;padding:0}
    .line,.message{margin:0 0 .75rem;padding:.5rem .75rem;border-radius:.5rem;border:1px solid #c4c4c4}
    .line p,.message p,.line ul,.message ul{margin:0 0 .5rem}
    .line>:last-child,.message>:last-child{margin-bottom:0}
    .who{display:block;font-size:.875rem;font-weight:700;color:#4d4d4d}
    .from-participant{margin-left:15%;background:#eef4fb;border-color:#0a4f9c}
    .advice{background:#eef7ee;border-left:.375rem solid #1e6b2a}
    .warning{background:#fff7e0;border-left:.375rem solid #8a5a00}
    .error{background:#fdeeee;border-left:.375rem solid #a4161a}
    .summary{background:#f5f5f5}
    .summary p{white-space:pre-wrap}
    .newest{margin:0 0 .5rem}
    .question{margin:1rem 0;padding:1rem;border:2px solid #0a4f9c;border-radius:.5rem}
    fieldset{margin:0;padding:0;border:0;min-width:0}
    legend,.question>label,.ask-label{display:block;padding:0;margin:0 0 .75rem;font-weight:700;font-size:1.125rem;white-space:pre-wrap}
    .hint{margin:-.5rem 0 .75rem;color:#4d4d4d}
    .options{display:flex;flex-direction:column;gap:.5rem;margin:0 0 .75rem}
    .check{display:flex;align-items:center;gap:.5rem;min-height:2.75rem}
    .check input{width:1.5rem;height:1.5rem;margin:0;flex:none;accent-color:#0a4f9c}
    .check label{flex:1;padding:.25rem 0}
    input[type=text],input[type=email],input[type=number],input[type=date],textarea{display:block;width:100%;min-height:2.75rem;margin:0 0 .75rem;padding:.5rem;font:inherit;color:inherit;background:#fff;border:2px solid #767676;border-radius:.25rem}
    textarea{min-height:8rem;resize:vertical}
    button{min-height:2.75rem;min-width:2.75rem;padding:.5rem 1rem;font:inherit;color:#0a4f9c;background:#fff;border:2px solid #0a4f9c;border-radius:.25rem;cursor:pointer;text-align:left}
    .options button{width:100%}
    button.primary{color:#fff;background:#0a4f9c}
    button.primary:hover{background:#083d78}
    button:hover{background:#eef4fb}
    button[aria-current=true]{color:#fff;background:#1a1a1a;border-color:#1a1a1a}
    .bar button{min-height:2.75rem;padding:.25rem .75rem}
    .actions,.commands{display:flex;flex-wrap:wrap;gap:.5rem;margin:.5rem 0 0}
    :focus-visible{outline:3px solid #b0005a;outline-offset:2px}
    [aria-invalid=true]{border-color:#a4161a}
    .visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
    .skip-link{position:absolute;left:.5rem;top:-4rem;padding:.5rem 1rem;background:#fff;color:#0a4f9c;border:2px solid #0a4f9c}
    .skip-link:focus{top:.5rem}
    .notice{max-width:42rem;margin:2rem auto;padding:0 1rem}
    a{color:#0a4f9c}
    main[aria-busy=true] .question{opacity:.7}
    .overview{max-width:48rem}
    .overview section{margin:0 0 2rem}
    .overview h1{font-size:1.5rem}
    .overview h2{font-size:1.25rem;margin:0 0 .5rem}
    .overview h3{font-size:1rem;margin:1rem 0 0}
    .chart{display:block;width:100%;max-width:28rem;height:auto;margin:0 0 .75rem}
    .chart .bar{fill:#0a4f9c}
    .chart text{font-size:15px;fill:#1a1a1a}
    .chart .guide{stroke:#b0005a;stroke-width:2;stroke-dasharray:5 4}
    .chart .guide-label{fill:#b0005a;font-weight:700}
    .table-scroll{overflow-x:auto;margin:0 0 1rem}
    .data{border-collapse:collapse;width:100%;overflow-wrap:normal}
    .data caption{text-align:left;font-weight:700;padding:0 0 .25rem}
    .data th,.data td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
    .bottlenecks{padding-left:1.25rem}
    .bottlenecks p{margin:.25rem 0 1rem}
    .bar a{padding:.5rem;min-height:2.75rem;display:inline-flex;align-items:center}
    @media (forced-colors:active){button,input,textarea,.question,.line,.message{border:1px solid CanvasText}}
    @media (max-width:30rem){.from-participant{margin-left:0}.bar{padding:.5rem}}
    @media (prefers-reduced-motion:reduce){*{transition:none!important;scroll-behavior:auto!important}}
    """#
}
