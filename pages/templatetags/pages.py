"""`{% menu "header" as items %}`: the links staff chose for a menu in the page's language (`pages.menus`)."""

from django import template

from pages.menus import menu_links

register = template.Library()


@register.simple_tag
def menu(location):
    return menu_links(location)
