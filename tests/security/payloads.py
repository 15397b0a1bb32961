"""A corpus of hostile inputs: classic XSS, attribute and URL tricks, mutation XSS,
SVG/MathML, encodings and bidirectional-text tricks. Each must come out inert."""

RLO = "\u202e"  # right-to-left override: "txt.exe" shown as "exe.txt"
LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"

XSS_PAYLOADS = [
    # Plain script and event handlers
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script src=data:text/javascript,alert(1)></script>",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)//",
    "<body onload=alert(1)>",
    '<div onmouseover="alert(1)">hover</div>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    # Breaking out of attributes and text contexts
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "' autofocus onfocus='alert(1)",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<!--<img src=x onerror=alert(1)>-->",
    "--><img src=x onerror=alert(1)>",
    # URLs
    '<a href="javascript:alert(1)">link</a>',
    '<a href="JaVaScRiPt:alert(1)">link</a>',
    '<a href="java&#x09;script:alert(1)">link</a>',
    '<a href="&#106;avascript:alert(1)">link</a>',
    '<a href=" javascript:alert(1)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    '<a href="vbscript:msgbox(1)">link</a>',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<button formaction=javascript:alert(1)>go</button>",
    "javascript:alert(1)",
    # Embedding and page takeover
    '<iframe src="https://evil.example"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    '<link rel="import" href="https://evil.example/x.html">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    '<div style="width:expression(alert(1))">ie</div>',
    # SVG and MathML
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>x</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">click</math>',
    # Mutation XSS (markup the browser rewrites into something else)
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    "<math><mi><table><mi><style><img src=x onerror=alert(1)></style>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<template><script>alert(1)</script></template>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<select><template><style><img src=x onerror=alert(1)></style></template></select>",
    '<a href="https://example.org" title="&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;">ok</a>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>script>alert(1)<</script>/script>",
    # Encodings
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "<img src=x one\u0000rror=alert(1)>".replace("\u0000", ""),
    "＜script＞alert(1)＜/script＞",
    "{{ 7|add:7 }} {% debug %}",
    # Bidirectional-text tricks
    f"{RLO}gpj.exe",
    f'<a href="https://example.org/{RLO}moc.live">{RLO}moc.example</a>',
    f"{RLI}<script>alert(1)</script>{PDI}",
    f"<scr{RLO}ipt>alert(1)</scr{RLO}ipt>",
    f"java{LRI}script:alert(1)",
    f'<a href="java{RLO}script:alert(1)">x</a>',
]

assert len(XSS_PAYLOADS) >= 50
