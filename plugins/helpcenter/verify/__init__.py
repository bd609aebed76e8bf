"""The official-channel checker: is this link, address, handle or number really the site's?"""
