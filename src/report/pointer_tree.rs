//! The pointers a report wants positions for, as a tree of reference tokens: a walk over a
//! document (JSON text, the YAML fast path) carries the index of the node it is at, and a
//! member or item is one comparison against the few tokens wanted there. No pointer is built
//! per node and no set is searched per node: those were most of the locating passes
//! (docs/decisions.md, issue 16).

use std::collections::BTreeSet;

/// See the module. Every ancestor of a wanted pointer is a node, wanted or not.
pub(crate) struct PointerTree<'p> {
    nodes: Vec<Node<'p>>,
}

struct Node<'p> {
    /// The token as written in the pointer (escaped: `~1` for `/`, `~0` for `~`).
    token: &'p str,
    /// The token as a sequence index, when it is one (`0`, `12`; not `01`).
    index: Option<usize>,
    parent: usize,
    children: Vec<usize>,
    /// The pointer, when it is itself wanted.
    pointer: Option<&'p str>,
}

/// A member of a mapping (by its key, unescaped) or an item of a sequence.
#[derive(Clone, Copy)]
pub(crate) enum Step<'k> {
    Member(&'k str),
    Item(usize),
}

impl<'p> PointerTree<'p> {
    /// The node of the document itself.
    pub(crate) const ROOT: usize = 0;

    /// The tree of no pointer yet: the root alone, not wanted.
    pub(crate) fn new() -> PointerTree<'p> {
        PointerTree {
            nodes: vec![Node::new("", Self::ROOT)],
        }
    }

    pub(crate) fn of(pointers: &BTreeSet<&'p str>) -> PointerTree<'p> {
        let mut tree = Self::new();
        for &pointer in pointers {
            tree.insert(pointer);
        }
        tree
    }

    /// Wants `pointer` (and so makes a node of each ancestor); its node.
    pub(crate) fn insert(&mut self, pointer: &'p str) -> usize {
        let mut at = Self::ROOT;
        // "" is the root; "/a/b" has the tokens "a" and "b".
        for token in pointer.split('/').skip(1) {
            // From the back: in sorted order (`of`) the one wanted is always the last. An index
            // compares as a number (an issue per item of a long list scans every sibling).
            let index = index_of(token);
            let found = self.nodes[at].children.iter().rev().copied().find(|&c| match index {
                Some(_) => self.nodes[c].index == index,
                None => self.nodes[c].token == token,
            });
            at = found.unwrap_or_else(|| {
                self.nodes.push(Node::new(token, at));
                let child = self.nodes.len() - 1;
                self.nodes[at].children.push(child);
                child
            });
        }
        self.nodes[at].pointer = Some(pointer);
        at
    }

    /// The node under `parent` that `step` leads to, if any wanted pointer goes there.
    pub(crate) fn child(&self, parent: usize, step: Step<'_>) -> Option<usize> {
        let mut children = self.nodes[parent].children.iter().copied();
        match step {
            Step::Member(key) => children.find(|&c| token_names(self.nodes[c].token, key)),
            Step::Item(index) => children.find(|&c| self.nodes[c].index == Some(index)),
        }
    }

    /// The pointer of `node`, when it is wanted itself (not only an ancestor of one).
    pub(crate) fn pointer(&self, node: usize) -> Option<&'p str> {
        self.nodes[node].pointer
    }

    /// Whether a wanted pointer lies strictly beneath `node`.
    pub(crate) fn has_children(&self, node: usize) -> bool {
        !self.nodes[node].children.is_empty()
    }

    /// How many nodes there are (indices run below it).
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Every node strictly beneath `node`.
    pub(crate) fn below(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        let mut stack = self.nodes[node].children.clone();
        std::iter::from_fn(move || {
            let at = stack.pop()?;
            stack.extend(&self.nodes[at].children);
            Some(at)
        })
    }

    /// `node` and its ancestors, from `node` up to the root.
    pub(crate) fn up_from(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        let mut next = Some(node);
        std::iter::from_fn(move || {
            let at = next?;
            next = (at != Self::ROOT).then(|| self.nodes[at].parent);
            Some(at)
        })
    }
}

impl<'p> Node<'p> {
    fn new(token: &'p str, parent: usize) -> Node<'p> {
        Node {
            token,
            index: index_of(token),
            parent,
            children: Vec::new(),
            pointer: None,
        }
    }
}

/// The item a token names, when it is an index as a pointer writes one (`0`, `12`; not `01`,
/// `+1` or `-0`).
fn index_of(token: &str) -> Option<usize> {
    let digits =
        !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) && (token == "0" || !token.starts_with('0'));
    digits.then(|| token.parse().ok()).flatten()
}

/// Whether an escaped reference token names `key`.
fn token_names(token: &str, key: &str) -> bool {
    if !token.contains('~') {
        return token == key;
    }
    token.replace("~1", "/").replace("~0", "~") == key
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn members_items_and_escapes() {
        let wanted = BTreeSet::from(["", "/a~1b", "/a~1b/0", "/a~1b/10/x~0y", "/01", "/+2"]);
        let tree = PointerTree::of(&wanted);
        let root = PointerTree::ROOT;
        assert_eq!(tree.pointer(root), Some(""));
        let ab = tree.child(root, Step::Member("a/b")).unwrap();
        assert_eq!(tree.pointer(ab), Some("/a~1b"));
        assert_eq!(tree.child(root, Step::Member("a~1b")), None);
        let first = tree.child(ab, Step::Item(0)).unwrap();
        assert_eq!(tree.pointer(first), Some("/a~1b/0"));
        // "10" is an ancestor only; "x~0y" names the key "x~y".
        let tenth = tree.child(ab, Step::Item(10)).unwrap();
        assert_eq!(tree.pointer(tenth), None);
        assert!(tree.has_children(tenth) && !tree.has_children(first));
        assert!(tree.child(tenth, Step::Member("x~y")).is_some());
        // "01" and "+2" are member names, never the items 1 and 2; "0" is both.
        assert_eq!(tree.child(root, Step::Item(1)), None);
        assert_eq!(tree.child(root, Step::Item(2)), None);
        assert!(tree.child(root, Step::Member("01")).is_some());
        assert!(tree.child(ab, Step::Member("0")).is_some());
        let xy = tree.child(tenth, Step::Member("x~y")).unwrap();
        assert_eq!(tree.up_from(xy).collect::<Vec<_>>(), [xy, tenth, ab, root]);
        let mut below: Vec<usize> = tree.below(ab).collect();
        below.sort_unstable();
        assert_eq!(below, [first, tenth, xy]);
        assert_eq!(tree.len(), 7);
    }
}
