"""Protections shared by the public forms (newsletter, registration, contact).

- `safeguards.client.client_ip(request)`: the visitor's address, proxy-aware (also django-axes').
- `safeguards.ratelimit.RateLimit(scope, limit, period)`: a fixed-window counter per client address
  (`.hit(request)`) or per any other value (`.hit_value(value)`), True while within the limit.
- `safeguards.forms.HoneypotMixin`: a field people never see and naive bots fill in; render it with
  `{% include "safeguards/honeypot.html" %}` and check `HoneypotMixin.is_trapped(request.POST)` first.

It sits at the bottom of the layers so that every app with a public form can use it.
"""
