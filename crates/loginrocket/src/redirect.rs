//! Post-login destinations: only same-origin paths, judged in their canonical form. Shared
//! by the kit's pages (`leptos_loginrocket::loginrocket::redirect::safe_redirect`) and the backend's hand-off route
//! (`loginrocket-axum`).

/// The destination to go to after signing in: `raw` (for example `?redirect=`) in its
/// canonical form when it is a same-origin path, else `default`.
///
/// Accepted: a value that starts with one `/`, followed by anything but `/` or `\`, with no
/// control characters and no backslashes. It is judged as the browser will read it: dot
/// segments (`.`, `..`, `%2e`, …) are resolved, and the resolved path must not start with
/// `//` either; the same holds after each of up to three rounds of percent-decoding (so
/// `/%2F%2Fevil.com` and `/%252e%252e//evil.com` are refused, while `/sale/100%25-off`
/// passes). Everything else (`//evil.com`, `/.//evil.com`, `/\evil.com`, `https://evil`,
/// `javascript:…`, relative paths, …) falls back. In the browser the result is also resolved
/// against the page's origin, which must not change, and the returned value is the browser's
/// own `pathname + search + hash`.
///
/// ```
/// use loginrocket::redirect::safe_redirect;
/// assert_eq!(safe_redirect(Some("/billing?tab=2"), "/"), "/billing?tab=2");
/// assert_eq!(safe_redirect(Some("/a/../billing"), "/"), "/billing");
/// assert_eq!(safe_redirect(Some("//evil.com"), "/"), "/");
/// assert_eq!(safe_redirect(Some("/.//evil.com"), "/home"), "/home");
/// assert_eq!(safe_redirect(Some("/%2F%2Fevil.com"), "/home"), "/home");
/// assert_eq!(safe_redirect(None, "/home"), "/home");
/// ```
pub fn safe_redirect(raw: Option<&str>, default: &str) -> String {
    checked_redirect(raw).unwrap_or_else(|| default.to_owned())
}

/// `raw` in its canonical form when [`safe_redirect`] would accept it, else `None`: what
/// links between the auth pages carry on (a refused value is dropped, not passed along).
///
/// ```
/// use loginrocket::redirect::checked_redirect;
/// assert_eq!(checked_redirect(Some("/a/./b")).as_deref(), Some("/a/b"));
/// assert_eq!(checked_redirect(Some("//evil.com")), None);
/// ```
pub fn checked_redirect(raw: Option<&str>) -> Option<String> {
    raw.and_then(canonical).and_then(same_origin)
}

/// `raw` with its dot segments resolved, when it and every percent-decoded form of it are
/// same-origin paths.
fn canonical(raw: &str) -> Option<String> {
    let resolved = resolve_dots(raw).filter(|r| safe_shape(r) && safe_shape(raw))?;
    let mut current = raw.to_owned();
    for round in 0..4 {
        let decoded = match percent_decode(&current) {
            Some(decoded) => decoded,
            // a malformed escape in what was sent is refused; one that only appears after
            // decoding (`100%25-off` → `100%-off`) is literal text
            None if round == 0 => return None,
            None => return Some(resolved),
        };
        if decoded == current {
            return Some(resolved);
        }
        if !safe_shape(&decoded) || !resolve_dots(&decoded).is_some_and(|r| safe_shape(&r)) {
            return None;
        }
        current = decoded;
    }
    // still changing after several rounds: refuse rather than guess
    None
}

/// Resolves the dot segments of a path (`.` and `..`, also written `%2e`), as the URL
/// standard does; the query and the fragment are left as they are.
fn resolve_dots(url: &str) -> Option<String> {
    let split = url.find(['?', '#']).unwrap_or(url.len());
    let (path, rest) = url.split_at(split);
    let path = path.strip_prefix('/')?;
    let is = |segment: &str, dots: &[&str]| dots.iter().any(|d| segment.eq_ignore_ascii_case(d));
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        if is(segment, &[".", "%2e"]) {
            if last {
                out.push("");
            }
        } else if is(segment, &["..", ".%2e", "%2e.", "%2e%2e"]) {
            out.pop();
            if last {
                out.push("");
            }
        } else {
            out.push(segment);
        }
    }
    Some(format!("/{}{rest}", out.join("/")))
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

/// The browser's reading of `path` on this page's origin: `pathname + search + hash`, when
/// the origin stays the same and the path still starts with one `/`.
#[cfg(target_arch = "wasm32")]
fn same_origin(path: String) -> Option<String> {
    let origin = web_sys::window()?.location().origin().ok()?;
    let url = web_sys::Url::new_with_base(&path, &origin).ok()?;
    let pathname = url.pathname();
    (url.origin() == origin && safe_shape(&pathname))
        .then(|| format!("{pathname}{}{}", url.search(), url.hash()))
}

#[cfg(not(target_arch = "wasm32"))]
fn same_origin(path: String) -> Option<String> {
    Some(path)
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
            "/@user",
            "/path;param",
            "/sale/100%25-off",
            "/search?q=100%25",
            "/a%25b%25c",
            "/search?q=%25%25",
            "/files/%2e%2e.txt",
            "/a/.../b",
            "/a/..b/c",
            "/.well-known/x",
        ] {
            assert_eq!(safe_redirect(Some(ok), "/home"), ok, "{ok:?}");
        }
    }

    #[test]
    fn a_carried_destination_is_the_accepted_one_or_none() {
        assert_eq!(
            checked_redirect(Some("/a/../billing")),
            Some("/billing".into())
        );
        assert_eq!(checked_redirect(Some("//evil.com")), None);
        assert_eq!(checked_redirect(Some("")), None);
        assert_eq!(checked_redirect(None), None);
    }

    #[test]
    fn dot_segments_are_resolved_and_the_canonical_path_returned() {
        for (raw, canonical) in [
            ("/x/..", "/"),
            ("/a/./b", "/a/b"),
            ("/a/b/../c?x=1#y", "/a/c?x=1#y"),
            ("/a/%2e/b", "/a/b"),
            ("/a/%2E%2e/b", "/b"),
            ("/a/.%2e/b", "/b"),
            ("/../../dashboard", "/dashboard"),
            ("/a/.", "/a/"),
            ("/a/..", "/"),
            ("/a/b/..?q=1", "/a/?q=1"),
            ("/a?next=/../x", "/a?next=/../x"),
            ("/a#/../..//evil.com", "/a#/../..//evil.com"),
        ] {
            assert_eq!(safe_redirect(Some(raw), "/home"), canonical, "{raw:?}");
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
            // dot segments whose canonical path is `//evil.com`
            "/.//evil.com",
            "/..//evil.com",
            "/%2e//evil.com",
            "/%2E//evil.com",
            "/%2e%2e//evil.com",
            "/.%2E//evil.com",
            "/a/..//evil.com",
            "/a/b/../..//evil.com",
            "/././/evil.com",
            "/.//evil.com?x#y",
            "/%252e//evil.com",
            "/%252e%252e//evil.com",
            "/a/%252e%252e//evil.com",
            "/..%2F/evil.com",
            "/.%2F%2Fevil.com",
            "/%2e%2fevil.com/..//x",
        ];
        for bad in hostile {
            assert_eq!(safe_redirect(Some(bad), "/home"), "/home", "{bad:?}");
        }
    }
}
