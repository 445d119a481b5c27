//! DOM helpers. Text goes in with `textContent` and attributes with `setAttribute`, never
//! as markup, so pack and visitor text cannot become elements or scripts.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlElement};

/// What DOM calls return; an error is a JS exception, reported once at the top.
pub type R<T = ()> = Result<T, JsValue>;

const SVG: &str = "http://www.w3.org/2000/svg";

/// Builds elements for one document.
#[derive(Clone)]
pub struct Dom {
    /// The document elements are created in.
    pub doc: Document,
}

impl Dom {
    /// A new `tag` with `class` (if not empty), not yet attached.
    pub fn make(&self, tag: &str, class: &str) -> R<Element> {
        let el = self.doc.create_element(tag)?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        Ok(el)
    }

    /// A new `tag` with `class`, appended to `parent`.
    pub fn add(&self, parent: &Element, tag: &str, class: &str) -> R<Element> {
        let el = self.make(tag, class)?;
        parent.append_child(&el)?;
        Ok(el)
    }

    /// A new `tag` with `class` and `text`, appended to `parent`.
    pub fn text(&self, parent: &Element, tag: &str, class: &str, text: &str) -> R<Element> {
        let el = self.add(parent, tag, class)?;
        el.set_text_content(Some(text));
        Ok(el)
    }

    /// Append a text node.
    pub fn append_text(&self, parent: &Element, text: &str) -> R {
        parent.append_child(&self.doc.create_text_node(text))?;
        Ok(())
    }

    /// A new SVG element appended to `parent`, with attributes.
    pub fn svg(&self, parent: &Element, tag: &str, attrs: &[(&str, &str)]) -> R<Element> {
        let el = self.doc.create_element_ns(Some(SVG), tag)?;
        set_all(&el, attrs)?;
        parent.append_child(&el)?;
        Ok(el)
    }
}

/// Set several attributes.
pub fn set_all(el: &Element, attrs: &[(&str, &str)]) -> R {
    for (name, value) in attrs {
        el.set_attribute(name, value)?;
    }
    Ok(())
}

/// Set or remove a boolean attribute.
pub fn flag(el: &Element, name: &str, on: bool) -> R {
    if on {
        el.set_attribute(name, "")
    } else {
        el.remove_attribute(name)
    }
}

/// Move the keyboard focus to an element, if it can take it.
pub fn focus(el: &Element) {
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
}
