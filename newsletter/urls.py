from django.urls import path

from newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("", views.SubscribeView.as_view(), name="subscribe"),
    path("check-your-inbox/", views.SubscribeDoneView.as_view(), name="subscribe_done"),
    # Personal links carry their token in the query string (`?token=`), kept out of logged paths.
    path("confirm/", views.ConfirmView.as_view(), name="confirm"),
    path("manage/", views.ManageView.as_view(), name="manage"),
    path("unsubscribe/", views.UnsubscribeView.as_view(), name="unsubscribe"),
    # Links in emails sent before that, with the token in the path: they keep working.
    path("confirm/<str:token>/", views.ConfirmView.as_view(), name="confirm_legacy"),
    path("manage/<str:token>/", views.ManageView.as_view(), name="manage_legacy"),
    path("unsubscribe/<str:token>/", views.UnsubscribeView.as_view(), name="unsubscribe_legacy"),
]
