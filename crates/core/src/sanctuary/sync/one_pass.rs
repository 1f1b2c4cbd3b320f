//! Reading a merged document for hydration one object at a time.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A document read for hydration one object at a time: the first lookup in
/// a map (or list) reads all of its entries in one pass (`map_range`,
/// `list_range`) and later lookups are answered from that. Hydrating through
/// `get` directly seeks the op set's columns afresh for every field, which
/// was most of an import's time (measured: about 60% of a day's import and
/// half of a first sync). The values are the same: `map_range` yields each
/// key's winning value, as `get` does.
pub(super) struct OnePass<'a> {
    doc: &'a automerge::AutoCommit,
    maps: RefCell<HashMap<automerge::ObjId, Rc<Entries>>>,
    lists: RefCell<HashMap<automerge::ObjId, Rc<Vec<Entry>>>>,
}

type Entry = (automerge::Value<'static>, automerge::ObjId);
type Entries = HashMap<String, Entry>;

/// The ids of the objects (maps, lists, text) among `entries`.
fn objects_among<'e>(entries: impl Iterator<Item = &'e Entry>) -> Vec<automerge::ObjId> {
    entries
        .filter(|(v, _)| matches!(v, automerge::Value::Object(_)))
        .map(|(_, id)| id.clone())
        .collect()
}

/// Whether a freshly merged document holds a conflict, reading every
/// object once through `pass` (so hydrating afterwards reads nothing
/// again). Only a document with a concurrent value somewhere is scanned in
/// full, to tell a real conflict from two laptops writing the same value.
pub(super) fn has_conflicts(pass: &OnePass<'_>) -> bool {
    if pass.any_concurrent(&automerge::ROOT) {
        super::conflicts::has_conflicts(pass.doc)
    } else {
        false
    }
}

impl<'a> OnePass<'a> {
    pub(super) fn new(doc: &'a automerge::AutoCommit) -> OnePass<'a> {
        OnePass {
            doc,
            maps: RefCell::default(),
            lists: RefCell::default(),
        }
    }

    /// Reads `obj` and every object under it; true if any entry has
    /// concurrent values (text is skipped: it merges without conflicts).
    pub(super) fn any_concurrent(&self, obj: &automerge::ObjId) -> bool {
        use automerge::ObjType;
        let (concurrent, children): (bool, Vec<automerge::ObjId>) =
            match automerge::ReadDoc::object_type(self.doc, obj) {
                Ok(ObjType::Map | ObjType::Table) => {
                    let (concurrent, entries) = self.read_map(obj);
                    (concurrent, objects_among(entries.values()))
                }
                Ok(ObjType::List) => {
                    let (concurrent, entries) = self.read_list(obj);
                    (concurrent, objects_among(entries.iter()))
                }
                Ok(ObjType::Text) | Err(_) => (false, Vec::new()),
            };
        // Every child is read (and cached) even once a conflict is found.
        children.iter().fold(concurrent, |found, child| {
            self.any_concurrent(child) || found
        })
    }

    fn read_map(&self, obj: &automerge::ObjId) -> (bool, Rc<Entries>) {
        let mut concurrent = false;
        let entries: Entries = automerge::ReadDoc::map_range(self.doc, obj, ..)
            .map(|item| {
                concurrent |= item.conflict;
                let id = item.id();
                (item.key.into_owned(), (item.value.into_value(), id))
            })
            .collect();
        let entries = Rc::new(entries);
        self.maps
            .borrow_mut()
            .insert(obj.clone(), Rc::clone(&entries));
        (concurrent, entries)
    }

    fn read_list(&self, obj: &automerge::ObjId) -> (bool, Rc<Vec<Entry>>) {
        let mut concurrent = false;
        let entries: Vec<Entry> = automerge::ReadDoc::list_range(self.doc, obj, ..)
            .map(|item| {
                concurrent |= item.conflict;
                let id = item.id();
                (item.value.into_value(), id)
            })
            .collect();
        let entries = Rc::new(entries);
        self.lists
            .borrow_mut()
            .insert(obj.clone(), Rc::clone(&entries));
        (concurrent, entries)
    }

    fn map(&self, obj: &automerge::ObjId) -> Rc<Entries> {
        if let Some(found) = self.maps.borrow().get(obj) {
            return Rc::clone(found);
        }
        self.read_map(obj).1
    }

    fn list(&self, obj: &automerge::ObjId) -> Rc<Vec<Entry>> {
        if let Some(found) = self.lists.borrow().get(obj) {
            return Rc::clone(found);
        }
        self.read_list(obj).1
    }
}

impl autosurgeon::ReadDoc for OnePass<'_> {
    type Parents<'b>
        = automerge::Parents<'b>
    where
        Self: 'b;

    fn get_heads(&self) -> Vec<automerge::ChangeHash> {
        autosurgeon::ReadDoc::get_heads(self.doc)
    }

    fn get<P: Into<automerge::Prop>>(
        &self,
        obj: &automerge::ObjId,
        prop: P,
    ) -> std::result::Result<
        Option<(automerge::Value<'_>, automerge::ObjId)>,
        automerge::AutomergeError,
    > {
        use automerge::{ObjType, Prop};
        let prop = prop.into();
        match &prop {
            Prop::Map(key) => {
                if let Some(found) = self.maps.borrow().get(obj) {
                    return Ok(found.get(key.as_str()).cloned());
                }
            }
            Prop::Seq(i) => {
                if let Some(found) = self.lists.borrow().get(obj) {
                    return Ok(found.get(*i).cloned());
                }
            }
        }
        let typ = autosurgeon::ReadDoc::object_type(self.doc, obj);
        match (typ, &prop) {
            (Some(ObjType::Map | ObjType::Table), Prop::Map(key)) => {
                Ok(self.map(obj).get(key.as_str()).cloned())
            }
            (Some(ObjType::List), Prop::Seq(i)) => Ok(self.list(obj).get(*i).cloned()),
            // Text, a wrong kind of key, an unknown object: as the document answers.
            _ => autosurgeon::ReadDoc::get(self.doc, obj, prop),
        }
    }

    fn object_type<O: AsRef<automerge::ObjId>>(&self, obj: O) -> Option<automerge::ObjType> {
        autosurgeon::ReadDoc::object_type(self.doc, obj)
    }

    fn map_range<'b, O, R>(&'b self, obj: O, range: R) -> automerge::iter::MapRange<'b>
    where
        R: std::ops::RangeBounds<String> + 'b,
        O: AsRef<automerge::ObjId>,
        R: std::ops::RangeBounds<String>,
    {
        autosurgeon::ReadDoc::map_range(self.doc, obj, range)
    }

    fn list_range<O: AsRef<automerge::ObjId>, R: std::ops::RangeBounds<usize>>(
        &self,
        obj: O,
        range: R,
    ) -> automerge::iter::ListRange<'_> {
        autosurgeon::ReadDoc::list_range(self.doc, obj, range)
    }

    fn length<O: AsRef<automerge::ObjId>>(&self, obj: O) -> usize {
        autosurgeon::ReadDoc::length(self.doc, obj)
    }

    fn text<O: AsRef<automerge::ObjId>>(
        &self,
        obj: O,
    ) -> std::result::Result<String, automerge::AutomergeError> {
        autosurgeon::ReadDoc::text(self.doc, obj)
    }

    fn parents<O: AsRef<automerge::ObjId>>(
        &self,
        obj: O,
    ) -> std::result::Result<Self::Parents<'_>, automerge::AutomergeError> {
        autosurgeon::ReadDoc::parents(self.doc, obj)
    }

    fn is_empty(&self) -> bool {
        autosurgeon::ReadDoc::is_empty(self.doc)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use automerge::transaction::Transactable;
    use automerge::{ActorId, AutoCommit, ObjType, ROOT};
    use autosurgeon::{Hydrate, Reconcile};

    use super::{OnePass, has_conflicts};

    #[derive(Debug, Clone, PartialEq, Hydrate, Reconcile)]
    struct Inner {
        name: String,
        n: Option<u64>,
        tags: Vec<String>,
    }

    #[derive(Debug, Clone, PartialEq, Hydrate, Reconcile)]
    struct Outer {
        title: String,
        flag: bool,
        records: BTreeMap<String, Inner>,
        list: Vec<Inner>,
        missing: Option<String>,
    }

    fn sample(i: u64) -> Outer {
        let inner = |k: u64| Inner {
            name: format!("record {k}"),
            n: k.is_multiple_of(2).then_some(k),
            tags: vec![format!("t{k}"), "shared".into()],
        };
        Outer {
            title: format!("title {i}"),
            flag: i % 2 == 1,
            records: (0..5).map(|k| (format!("r{k}"), inner(k + i))).collect(),
            list: (0..3).map(inner).collect(),
            missing: None,
        }
    }

    /// Hydrating through one pass gives what hydrating the document directly
    /// gives, with concurrent values, nested maps and lists; and the
    /// conflict check agrees with a full scan.
    #[test]
    fn one_pass_reads_what_the_document_says() {
        let mut a = AutoCommit::new().with_actor(ActorId::random());
        autosurgeon::reconcile(&mut a, sample(0)).unwrap();
        a.commit();
        let mut b = a.fork().with_actor(ActorId::random());
        assert!(!has_conflicts(&OnePass::new(&a)));

        autosurgeon::reconcile(&mut a, sample(1)).unwrap();
        a.commit();
        autosurgeon::reconcile(&mut b, sample(2)).unwrap();
        let text = b.put_object(ROOT, "text", ObjType::Text).unwrap();
        b.splice_text(&text, 0, 0, "hello").unwrap();
        b.commit();
        a.merge(&mut b).unwrap();

        let direct: Outer = autosurgeon::hydrate(&a).unwrap();
        let pass = OnePass::new(&a);
        assert_eq!(
            has_conflicts(&pass),
            super::super::conflicts::has_conflicts(&a)
        );
        assert!(has_conflicts(&pass), "the titles were written concurrently");
        let through: Outer = autosurgeon::hydrate(&pass).unwrap();
        assert_eq!(through, direct);
        // Hydrating before any conflict check reads the same too.
        let fresh: Outer = autosurgeon::hydrate(&OnePass::new(&a)).unwrap();
        assert_eq!(fresh, direct);
        let text: String = autosurgeon::hydrate_prop(&pass, ROOT, "text")
            .map(|t: autosurgeon::Text| t.as_str().to_string())
            .unwrap();
        assert_eq!(text, "hello");
    }
}
