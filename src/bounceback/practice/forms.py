from __future__ import annotations

from django import forms

from bounceback.applications.forms import DateInput
from bounceback.practice.deck import QUESTION_LIMIT, STAGES


class QuestionForm(forms.Form):
    text = forms.CharField(
        label="A question you'd like to practise",
        max_length=QUESTION_LIMIT,
        widget=forms.TextInput(attrs={"placeholder": "e.g. Why did you leave your last job?"}),
    )


class UpcomingForm(forms.Form):
    on = forms.DateField(label="Day of the interview", widget=DateInput())
    stage = forms.ChoiceField(label="Which stage", choices=list(STAGES.items()))
