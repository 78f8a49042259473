//! The one route segment every drop-in page shares: it matches any page's configured segment,
//! so [`AuthRoutes`](super::AuthRoutes) is one route, not one per page. One route instantiates
//! the router's matching and rebuilding once; thirteen instantiated them for thirteen view
//! types, nested in an `EitherOf13` (measured: the first load's main module, 2026-12-07).

use std::borrow::Cow;

use leptos_router::{PartialPathMatch, PathSegment, PossibleRouteMatch};

use super::{AuthPage, AuthPaths};

/// The route parameter that names the matched page's segment.
pub(super) const PAGE_PARAM: &str = "lr_page";

/// Matches exactly one path segment that is one of `paths`' page segments (as
/// `StaticSegment` would, case and all), and names it in [`PAGE_PARAM`].
#[derive(Clone, Copy, Debug)]
pub(super) struct PageSegment(pub(super) AuthPaths);

impl PageSegment {
    /// The page whose segment `path` starts with (`/sign-in`, `/sign-in/`, `/sign-in/more`),
    /// and the length of `/` and that segment.
    fn page_at(&self, path: &str) -> Option<(AuthPage, usize)> {
        let rest = path.strip_prefix('/')?;
        let segment = rest.split('/').next().unwrap_or_default();
        let page = AuthPage::ALL
            .into_iter()
            .find(|p| self.0.segment(*p) == segment)?;
        Some((page, 1 + segment.len()))
    }
}

impl PossibleRouteMatch for PageSegment {
    fn optional(&self) -> bool {
        false
    }

    fn test<'a>(&self, path: &'a str) -> Option<PartialPathMatch<'a>> {
        let (page, len) = self.page_at(path)?;
        let (matched, remaining) = path.split_at(len);
        let param = (Cow::Borrowed(PAGE_PARAM), self.0.segment(page).to_owned());
        Some(PartialPathMatch::new(remaining, vec![param], matched))
    }

    /// A server's list of routes has one parameter route for the pages.
    fn generate_path(&self, path: &mut Vec<PathSegment>) {
        path.push(PathSegment::Param(PAGE_PARAM.into()));
    }
}

impl AuthPaths {
    /// The page whose segment is `segment`.
    pub(super) fn page_of(&self, segment: &str) -> Option<AuthPage> {
        AuthPage::ALL
            .into_iter()
            .find(|p| self.segment(*p) == segment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_matches_each_page_segment_and_nothing_else() {
        let custom = AuthPaths {
            sign_in: "login",
            ..AuthPaths::default()
        };
        let segment = PageSegment(custom);
        for page in AuthPage::ALL {
            let path = format!("/{}", custom.segment(page));
            let matched = segment.test(&path).expect(&path);
            assert_eq!((matched.matched(), matched.remaining()), (&*path, ""));
            assert_eq!(
                matched.params(),
                vec![(Cow::Borrowed(PAGE_PARAM), custom.segment(page).to_owned())]
            );
            assert_eq!(custom.page_of(custom.segment(page)), Some(page));
        }
        // what follows the segment is left to the router (a trailing slash, a deeper path)
        let deeper = segment.test("/login/more").unwrap();
        assert_eq!((deeper.matched(), deeper.remaining()), ("/login", "/more"));
        assert_eq!(segment.test("/login/").unwrap().remaining(), "/");
        // the default's segment is not a page here; nor a prefix, a longer segment, or a case
        for path in [
            "/sign-in", "/log", "/logins", "/Login", "login", "", "/", "//login",
        ] {
            assert!(segment.test(path).is_none(), "{path}");
        }
        assert_eq!(custom.page_of("sign-in"), None);
    }
}
