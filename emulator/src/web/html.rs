//! The hosted pages' HTML: one shell (landmarks, language, a title, a small sheet), form
//! fields with their labels, and escaping. No script runs on these pages.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

/// A page to send.
pub struct Page {
    pub status: StatusCode,
    pub locale: &'static str,
    pub title: String,
    /// The inside of `<main>`, after its `<h1>` (the title).
    pub body: String,
}

/// The sheet: system fonts, a card, buttons with a 4.5:1 contrast or more, a visible focus.
const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f3f4f6;color:#111827}\
main{max-width:26rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px #0003}\
h1{font-size:1.4rem;margin:0 0 1rem}label{display:block;font-weight:600;margin-top:.75rem}\
input{box-sizing:border-box;width:100%;padding:.5rem;margin-top:.25rem;border:1px solid #6b7280;border-radius:.25rem;font:inherit}\
button,.button{display:block;box-sizing:border-box;width:100%;margin-top:1rem;padding:.6rem;border:0;border-radius:.25rem;\
background:#1d4ed8;color:#fff;font:inherit;font-weight:600;text-align:center;text-decoration:none;cursor:pointer}\
.secondary{background:#fff;color:#1d4ed8;border:1px solid #1d4ed8}\
:focus-visible{outline:3px solid #b45309;outline-offset:2px}a{color:#1d4ed8}\
.errors{border:1px solid #b91c1c;color:#991b1b;background:#fef2f2;padding:.5rem 1rem;border-radius:.25rem}\
.or{text-align:center;color:#4b5563;margin:1rem 0 0}p.links{margin-top:1.5rem}code{word-break:break-all}";

impl IntoResponse for Page {
    fn into_response(self) -> Response {
        let html = format!(
            "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <title>{title}</title><style>{STYLE}</style></head>\
             <body><main><h1>{title}</h1>{body}</main></body></html>",
            lang = self.locale,
            title = esc(&self.title),
            body = self.body,
        );
        let mut response = (self.status, html).into_response();
        let headers = response.headers_mut();
        for (name, value) in [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
            ),
        ] {
            headers.insert(name, HeaderValue::from_static(value));
        }
        if let Ok(lang) = HeaderValue::from_str(self.locale) {
            headers.insert(header::CONTENT_LANGUAGE, lang);
        }
        response
    }
}

/// `s` with HTML's special characters escaped (for text and attribute values).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The form's errors, announced (`role="alert"`); empty without any.
pub fn errors(messages: &[String]) -> String {
    if messages.is_empty() {
        return String::new();
    }
    let items: String = messages
        .iter()
        .map(|m| format!("<li>{}</li>", esc(m)))
        .collect();
    format!("<div class=\"errors\" id=\"errors\" role=\"alert\"><ul>{items}</ul></div>")
}

/// A labelled input. `attrs` are extra attributes, written as they are (constants only).
pub fn input(
    name: &str,
    label: &str,
    kind: &str,
    attrs: &str,
    value: &str,
    invalid: bool,
) -> String {
    let described = if invalid {
        " aria-invalid=\"true\" aria-describedby=\"errors\""
    } else {
        ""
    };
    format!(
        "<label for=\"{name}\">{label}</label><input id=\"{name}\" name=\"{name}\" type=\"{kind}\" {attrs}{described} value=\"{value}\">",
        label = esc(label),
        value = esc(value),
    )
}

/// Hidden inputs carrying `pairs` (values escaped; empty ones left out).
pub fn hidden(pairs: &[(&str, Option<String>)]) -> String {
    pairs
        .iter()
        .filter_map(|(name, value)| {
            let value = value.as_deref().filter(|v| !v.is_empty())?;
            Some(format!(
                "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
                esc(value)
            ))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        let field = input("email", "E<mail>", "email", "required", "\"><script>", true);
        assert!(
            field.contains("value=\"&quot;&gt;&lt;script&gt;\""),
            "{field}"
        );
        assert!(field.contains("E&lt;mail&gt;"));
        assert!(field.contains("aria-invalid=\"true\""));
        assert_eq!(
            hidden(&[
                ("a", Some("x\"y".into())),
                ("b", None),
                ("c", Some(String::new()))
            ]),
            "<input type=\"hidden\" name=\"a\" value=\"x&quot;y\">"
        );
    }
}
