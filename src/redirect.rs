//! Post-login destinations (R41): only same-origin paths, judged after percent-decoding.

/// The destination to go to after signing in: `raw` (for example `?redirect=`) when it is a
/// same-origin path, else `default`.
///
/// Accepted: a value that starts with one `/`, followed by anything but `/` or `\`, with no
/// control characters and no backslashes — and still so after each of up to three rounds of
/// percent-decoding (so `/%2F%2Fevil.com` and `%2F%2Fevil.com` are refused). Everything else
/// (`//evil.com`, `/\evil.com`, `https://evil`, `javascript:…`, relative paths, …) falls back.
/// In the browser the result is also resolved against the page's origin, which must not
/// change.
///
/// ```
/// use leptos_loginrocket::redirect::safe_redirect;
/// assert_eq!(safe_redirect(Some("/billing?tab=2"), "/"), "/billing?tab=2");
/// assert_eq!(safe_redirect(Some("//evil.com"), "/"), "/");
/// assert_eq!(safe_redirect(Some("/%2F%2Fevil.com"), "/home"), "/home");
/// assert_eq!(safe_redirect(None, "/home"), "/home");
/// ```
pub fn safe_redirect(raw: Option<&str>, default: &str) -> String {
    match raw {
        Some(raw) if is_safe(raw) && same_origin(raw) => raw.to_owned(),
        _ => default.to_owned(),
    }
}

fn is_safe(raw: &str) -> bool {
    let mut current = raw.to_owned();
    for _ in 0..4 {
        if !safe_shape(&current) {
            return false;
        }
        match percent_decode(&current) {
            Some(decoded) if decoded == current => return true,
            Some(decoded) => current = decoded,
            None => return false,
        }
    }
    // still changing after several rounds: refuse rather than guess
    false
}

fn safe_shape(path: &str) -> bool {
    let mut chars = path.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !path
            .chars()
            .any(|c| c.is_control() || c == '\\' || c == '\u{2028}' || c == '\u{2029}')
}

/// Decodes `%XX` escapes; `None` for malformed escapes or invalid UTF-8.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(target_arch = "wasm32")]
fn same_origin(path: &str) -> bool {
    let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) else {
        return false;
    };
    web_sys::Url::new_with_base(path, &origin).is_ok_and(|u| u.origin() == origin)
}

#[cfg(not(target_arch = "wasm32"))]
fn same_origin(_: &str) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_origin_paths_pass() {
        for ok in [
            "/",
            "/dashboard",
            "/a/b?c=d&e=%20f#frag",
            "/caf%C3%A9",
            "/search?q=a%2Fb",
            "/x/..",
            "/@user",
            "/path;param",
        ] {
            assert_eq!(safe_redirect(Some(ok), "/home"), ok, "{ok:?}");
        }
    }

    #[test]
    fn hostile_destinations_fall_back() {
        let hostile = [
            "",
            "//evil.com",
            "///evil.com",
            "/\\evil.com",
            "\\\\evil.com",
            "\\/evil.com",
            "https://evil.com",
            "http://evil.com/",
            "HTTPS://evil.com",
            "//evil.com/%2F..",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "evil.com",
            "dashboard",
            "./dashboard",
            "../dashboard",
            "%2F%2Fevil.com",
            "/%2F%2Fevil.com",
            "/%2fevil.com",
            "/%5Cevil.com",
            "/%5cevil.com",
            "/%252F%252Fevil.com",
            "/%25252F%25252Fevil.com",
            "%252F%252Fevil.com",
            "/\tevil.com",
            "/\n/evil.com",
            "/%0A/evil.com",
            "/%09/evil.com",
            "/%00",
            "/\u{0}evil",
            "\r\n//evil.com",
            " /dashboard",
            "/\u{2028}//evil.com",
            "/%E2%80%A8//evil.com",
            "/%ZZ",
            "/%",
            "/%C3",
            "\u{FF0F}\u{FF0F}evil.com",
            "https:evil.com",
            "//@evil.com",
            "/\\/evil.com",
        ];
        assert!(hostile.len() >= 30);
        for bad in hostile {
            assert_eq!(safe_redirect(Some(bad), "/home"), "/home", "{bad:?}");
        }
    }
}
